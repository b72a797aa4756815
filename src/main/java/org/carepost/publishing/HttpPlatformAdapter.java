package org.carepost.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * What every network adapter shares: a {@link RestClient} on the JDK HTTP client with connect and read timeouts on
 * every call, and one mapping of failures: 429, 5xx, timeouts and dropped connections are RETRYABLE; 401/403 are
 * AUTHENTICATION (the account needs re-authorisation); other 4xx are PERMANENT. Messages carry the network's error
 * code and message from its documented error body, never the post text or a token. Nothing here logs.
 */
public abstract class HttpPlatformAdapter implements PlatformAdapter {

    private static final int MAX_DETAIL = 300;

    protected final PublishingAccounts accounts;
    protected final ObjectMapper json = new ObjectMapper();
    private final RestClient.Builder builder;
    private final String defaultBaseUrl;

    protected HttpPlatformAdapter(PublishingAccounts accounts) {
        this.accounts = accounts;
        PublishingProperties properties = accounts.properties();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.readTimeout());
        this.builder = RestClient.builder().requestFactory(factory);
        this.defaultBaseUrl = properties.baseUrl(platform());
    }

    /** A client for the platform's API root, or for an account-specific root (Mastodon instance, webhook URL). */
    protected RestClient client(String baseUrl) {
        String base = baseUrl != null && !baseUrl.isBlank() ? baseUrl : defaultBaseUrl;
        if (base == null) {
            throw new PlatformException(PlatformException.Kind.PERMANENT, "No base URL configured for " + platform()
                    + " (carepost.publishing.base-urls." + platform() + ")");
        }
        return builder.clone().baseUrl(base).build();
    }

    protected RestClient client() {
        return client(null);
    }

    /** Runs one call, translating every failure into a {@link PlatformException} naming platform and account. */
    protected <T> T call(String account, String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            throw failure(account, action, e.getStatusCode().value(), e.getResponseHeaders(), e.getResponseBodyAsString());
        } catch (ResourceAccessException e) {
            // Timeout or dropped connection: the network may have accepted the call.
            throw PlatformException.outcomeUnknown(platform() + " account '" + account + "': " + action
                    + " got no answer (" + rootCause(e) + "); outcome unknown, will retry", null);
        } catch (RestClientException e) {
            throw PlatformException.outcomeUnknown(platform() + " account '" + account + "': " + action
                    + " failed (" + rootCause(e) + "); will retry", null);
        }
    }

    protected PlatformException failure(String account, String action, int status, HttpHeaders headers, String body) {
        String detail = shorten(errorDetail(parse(body)));
        String prefix = platform() + " account '" + account + "': " + action + " answered HTTP " + status
                + (detail.isEmpty() ? "" : " (" + detail + ")");
        if (status == 401 || status == 403) {
            return new PlatformException(PlatformException.Kind.AUTHENTICATION, prefix + "; the account '" + account
                    + "' on " + platform() + " needs re-authorisation (renew its access token)");
        }
        if (status == 429) {
            String retryAfter = headers == null ? null : headers.getFirst("Retry-After");
            return new PlatformException(PlatformException.Kind.RETRYABLE, prefix + "; rate limited"
                    + (retryAfter == null ? "" : ", retry after " + retryAfter + " s"));
        }
        if (status >= 500) {
            return new PlatformException(PlatformException.Kind.RETRYABLE, prefix + "; will retry");
        }
        return new PlatformException(PlatformException.Kind.PERMANENT, prefix + "; not retried");
    }

    /** The network's error code and message from its documented error body (empty if none). */
    protected abstract String errorDetail(JsonNode body);

    protected JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.nullNode();
        }
    }

    protected static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    protected static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                sb.append(sb.isEmpty() ? "" : " ").append(part);
            }
        }
        return sb.toString();
    }

    private static String shorten(String detail) {
        if (detail == null) {
            return "";
        }
        String flat = detail.replaceAll("\\s+", " ").strip();
        return flat.length() > MAX_DETAIL ? flat.substring(0, MAX_DETAIL) + "..." : flat;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    protected static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }
}
