package org.carepost.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Facebook Pages through the Graph API: {@code POST /{page-id}/feed} with {@code message} (and {@code link} for the
 * first media URL), {@code DELETE /{post-id}}. Account settings: {@code id} = page id, {@code token} = page access
 * token (sent as a Bearer header, never in the URL). Errors: {@code {"error":{"message","type","code","error_subcode"}}}.
 */
public class FacebookPagesAdapter extends HttpPlatformAdapter {

    public FacebookPagesAdapter(PublishingAccounts accounts) {
        super(accounts);
    }

    @Override
    public String platform() {
        return "facebook";
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        PublishingProperties.Account account = accounts.account(platform(), request.account());
        String pageId = accounts.required(platform(), request.account(), "page id (id)", account.id());
        String token = accounts.token(platform(), request.account());
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("message", request.text());
        if (!request.mediaUrls().isEmpty()) {
            form.add("link", request.mediaUrls().get(0));
        }
        JsonNode answer = call(request.account(), "POST /{page-id}/feed", () -> client().post()
                .uri("/{pageId}/feed", pageId).header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class));
        String id = text(answer, "id");
        if (id == null) {
            throw new PlatformException(PlatformException.Kind.PERMANENT, "facebook account '" + request.account()
                    + "': the answer carried no post id");
        }
        return new PublishResult(id, "https://www.facebook.com/" + id);
    }

    @Override
    public void delete(String account, String externalId) {
        String token = accounts.token(platform(), account);
        call(account, "DELETE /{post-id}", () -> client().delete().uri("/{postId}", externalId)
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).retrieve().toBodilessEntity());
    }

    @Override
    public void checkCredentials(String account) {
        String pageId = accounts.required(platform(), account, "page id (id)", accounts.account(platform(), account).id());
        String token = accounts.token(platform(), account);
        call(account, "GET /{page-id}", () -> client().get().uri("/{pageId}?fields=id", pageId)
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).retrieve().toBodilessEntity());
    }

    @Override
    protected String errorDetail(JsonNode body) {
        return GraphErrors.detail(body);
    }
}
