package org.carepost.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;

/**
 * A generic signed webhook (our own documented protocol). Account settings: {@code url}, {@code secret}.
 * <ul>
 *   <li>publish: {@code POST <url>} JSON {@code {"id": idempotencyKey, "platform", "account", "text", "media": []}},
 *       header {@code X-CarePost-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes with the secret>};
 *       the receiver answers 2xx {@code {"id","url"}} and treats {@code id} as idempotency key;</li>
 *   <li>echo (checked before a retry whose outcome is unknown): {@code GET <url>/<idempotencyKey>} signed over the
 *       key, 200 {@code {"id","url"}} if received, 404 if not;</li>
 *   <li>delete: {@code DELETE <url>/<externalId>} signed over the id.</li>
 * </ul>
 * Errors: {@code {"error": "..."}}.
 */
public class WebhookAdapter extends HttpPlatformAdapter {

    public static final String SIGNATURE_HEADER = "X-CarePost-Signature";

    public WebhookAdapter(PublishingAccounts accounts) {
        super(accounts);
    }

    @Override
    public String platform() {
        return "webhook";
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        PublishingProperties.Account account = accounts.account(platform(), request.account());
        String url = accounts.required(platform(), request.account(), "url", account.url());
        String secret = secret(request.account(), account);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", request.idempotencyKey());
        payload.put("platform", request.platform());
        payload.put("account", request.account());
        payload.put("text", request.text());
        payload.put("media", request.mediaUrls());
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new PlatformException(PlatformException.Kind.PERMANENT, "webhook: payload not serialisable");
        }
        JsonNode answer = call(request.account(), "POST webhook", () -> client(url).post()
                .header(SIGNATURE_HEADER, signature(secret, body)).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(JsonNode.class));
        return result(answer, request.idempotencyKey());
    }

    @Override
    public Optional<PublishResult> findPublished(String account, String idempotencyKey) {
        PublishingProperties.Account settings = accounts.account(platform(), account);
        String url = accounts.required(platform(), account, "url", settings.url());
        String secret = secret(account, settings);
        return call(account, "GET webhook echo", () -> {
            try {
                JsonNode answer = client(url).get().uri("/{key}", idempotencyKey)
                        .header(SIGNATURE_HEADER, signature(secret, idempotencyKey.getBytes(StandardCharsets.UTF_8)))
                        .retrieve().body(JsonNode.class);
                return Optional.of(result(answer, idempotencyKey));
            } catch (HttpClientErrorException e) {
                if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public boolean confirmsPublication() {
        return true;
    }

    @Override
    public void delete(String account, String externalId) {
        PublishingProperties.Account settings = accounts.account(platform(), account);
        String url = accounts.required(platform(), account, "url", settings.url());
        String secret = secret(account, settings);
        call(account, "DELETE webhook", () -> client(url).delete().uri("/{id}", externalId)
                .header(SIGNATURE_HEADER, signature(secret, externalId.getBytes(StandardCharsets.UTF_8)))
                .retrieve().toBodilessEntity());
    }

    @Override
    public void checkCredentials(String account) {
        PublishingProperties.Account settings = accounts.account(platform(), account);
        accounts.required(platform(), account, "url", settings.url());
        secret(account, settings);
    }

    private String secret(String account, PublishingProperties.Account settings) {
        if (settings.secret() == null || settings.secret().isBlank()) {
            throw new PlatformException(PlatformException.Kind.AUTHENTICATION, "webhook account '" + account
                    + "' has no signing secret configured; it needs authorisation");
        }
        return settings.secret();
    }

    private static PublishResult result(JsonNode answer, String idempotencyKey) {
        String id = text(answer, "id");
        return new PublishResult(id == null ? idempotencyKey : id, text(answer, "url"));
    }

    /** {@code sha256=} and the lower-case hex HMAC-SHA256 of the bytes. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    protected String errorDetail(JsonNode body) {
        return body == null || !body.isObject() ? "" : join(text(body, "error"));
    }
}
