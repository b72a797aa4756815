package org.carepost.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * X API v2: {@code POST /2/tweets} {@code {"text"}} -> {@code {"data":{"id","text"}}}, {@code DELETE /2/tweets/:id}.
 * Account settings: {@code token} = OAuth 2.0 user access token (tweet.write). Errors are problem documents
 * {@code {"title","detail","type","status"}}, sometimes with {@code errors[].message}.
 */
public class XAdapter extends HttpPlatformAdapter {

    public XAdapter(PublishingAccounts accounts) {
        super(accounts);
    }

    @Override
    public String platform() {
        return "x";
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        String token = accounts.token(platform(), request.account());
        JsonNode answer = call(request.account(), "POST /2/tweets", () -> client().post().uri("/2/tweets")
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", request.text())).retrieve().body(JsonNode.class));
        String id = text(answer == null ? null : answer.get("data"), "id");
        if (id == null) {
            throw PlatformException.outcomeUnknown("x account '" + request.account() + "': the answer carried no id", null);
        }
        return new PublishResult(id, "https://x.com/i/web/status/" + id);
    }

    @Override
    public void delete(String account, String externalId) {
        String token = accounts.token(platform(), account);
        call(account, "DELETE /2/tweets/:id", () -> client().delete().uri("/2/tweets/{id}", externalId)
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).retrieve().toBodilessEntity());
    }

    @Override
    public void checkCredentials(String account) {
        String token = accounts.token(platform(), account);
        call(account, "GET /2/users/me", () -> client().get().uri("/2/users/me")
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).retrieve().toBodilessEntity());
    }

    /** X answers a duplicate tweet with 403: that is a refused request, not an account to re-authorise. */
    @Override
    protected PlatformException failure(String account, String action, int status, org.springframework.http.HttpHeaders headers,
                                        String body) {
        String detail = errorDetail(parse(body));
        if (status == 403 && detail.toLowerCase(java.util.Locale.ROOT).contains("duplicate content")) {
            return new PlatformException(PlatformException.Kind.PERMANENT, "x account '" + account + "': " + action
                    + " answered HTTP 403 (" + detail + "); not retried");
        }
        return super.failure(account, action, status, headers, body);
    }

    @Override
    protected String errorDetail(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "";
        }
        String first = null;
        JsonNode errors = body.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            first = text(errors.get(0), "message");
        }
        return join(text(body, "title") == null ? null : text(body, "title") + ":", text(body, "detail"), first);
    }
}
