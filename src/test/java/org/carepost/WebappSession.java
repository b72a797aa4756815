package org.carepost;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser's session with the Camunda webapps, as Tasklist keeps it: the session cookie, and the webapps' CSRF
 * token (header X-XSRF-TOKEN) sent with every change to their REST API (/camunda/api/...). The same cookie reaches
 * CarePost's own pages (/audit, /app) through the session bridge.
 */
public final class WebappSession {

    public static final String WEBAPPS = "/camunda";
    public static final String ENGINE_API = WEBAPPS + "/api/engine/engine/default";

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String xsrf;

    public WebappSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Logs in as Tasklist does: open the app (session + XSRF token), then post the login form with the token. */
    public ApiClient.Reply login(String user, String password) {
        ApiClient.Reply app = get(WEBAPPS + "/app/tasklist/default/", "text/html");
        if (app.status() != 200) {
            throw new AssertionError("Tasklist did not open: " + app.status());
        }
        ApiClient.Reply login = send(request(WEBAPPS + "/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password))));
        // The login starts a new session without a token; the webapps hand out a new one on the next read.
        refreshXsrf();
        return login;
    }

    public ApiClient.Reply login(String user) {
        return login(user, user); // demo users' passwords equal their ids
    }

    /** Logs out as Tasklist does. */
    public ApiClient.Reply logout() {
        refreshXsrf();
        return send(request(WEBAPPS + "/api/admin/auth/user/default/logout").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public ApiClient.Reply get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    public ApiClient.Reply get(String path) {
        return get(path, "application/json");
    }

    /** A change on the webapps' REST API, with their CSRF token (as Tasklist sends it). */
    public ApiClient.Reply webappsSend(String method, String path, String json) {
        return send(request(path).header("X-XSRF-TOKEN", xsrf).header("Content-Type", "application/json")
                .header("Accept", "application/json").method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any request with the session cookie, and whatever headers are given (name, value, name, value ...). */
    public ApiClient.Reply send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder);
    }

    /** The session's cookies as a Cookie header, for a request this client does not send itself. */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public String xsrfToken() {
        return xsrf;
    }

    /** The last response's Location header (redirects are not followed). */
    public String location() {
        return location;
    }

    private String location;

    private void refreshXsrf() {
        get(WEBAPPS + "/api/admin/auth/user/default");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    private ApiClient.Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> xsrf = token);
            location = response.headers().firstValue("Location").orElse(null);
            return new ApiClient.Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
