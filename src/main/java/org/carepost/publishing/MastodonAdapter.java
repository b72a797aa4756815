package org.carepost.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Mastodon: {@code POST /api/v1/statuses} with the {@code Idempotency-Key} header (the server returns the status
 * already made under that key, for an hour), {@code DELETE /api/v1/statuses/:id}, {@code GET
 * /api/v1/accounts/verify_credentials}. Account settings: {@code url} = the instance (else base-urls.mastodon),
 * {@code token}. Errors: {@code {"error","error_description"}}.
 */
public class MastodonAdapter extends HttpPlatformAdapter {

    public MastodonAdapter(PublishingAccounts accounts) {
        super(accounts);
    }

    @Override
    public String platform() {
        return "mastodon";
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        PublishingProperties.Account account = accounts.account(platform(), request.account());
        String token = accounts.token(platform(), request.account());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", request.text());
        status.put("visibility", "public");
        JsonNode answer = call(request.account(), "POST /api/v1/statuses", () -> client(account.url()).post()
                .uri("/api/v1/statuses").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .header("Idempotency-Key", request.idempotencyKey()).contentType(MediaType.APPLICATION_JSON)
                .body(status).retrieve().body(JsonNode.class));
        String id = text(answer, "id");
        if (id == null) {
            throw PlatformException.outcomeUnknown("mastodon account '" + request.account() + "': the answer carried no id", null);
        }
        return new PublishResult(id, text(answer, "url"));
    }

    /** A repeated POST with the same Idempotency-Key returns the status already made: the network settles it. */
    @Override
    public boolean confirmsPublication() {
        return true;
    }

    @Override
    public void delete(String account, String externalId) {
        PublishingProperties.Account settings = accounts.account(platform(), account);
        String token = accounts.token(platform(), account);
        call(account, "DELETE /api/v1/statuses/:id", () -> client(settings.url()).delete()
                .uri("/api/v1/statuses/{id}", externalId).header(HttpHeaders.AUTHORIZATION, bearer(token))
                .retrieve().toBodilessEntity());
    }

    @Override
    public void checkCredentials(String account) {
        PublishingProperties.Account settings = accounts.account(platform(), account);
        String token = accounts.token(platform(), account);
        call(account, "GET /api/v1/accounts/verify_credentials", () -> client(settings.url()).get()
                .uri("/api/v1/accounts/verify_credentials").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .retrieve().toBodilessEntity());
    }

    @Override
    protected String errorDetail(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "";
        }
        return join(text(body, "error"), text(body, "error_description"));
    }
}
