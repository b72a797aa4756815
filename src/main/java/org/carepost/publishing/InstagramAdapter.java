package org.carepost.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Instagram through the Graph API content publishing flow: {@code POST /{ig-user-id}/media} ({@code image_url},
 * {@code caption}) makes a container, {@code POST /{ig-user-id}/media_publish} ({@code creation_id}) publishes it,
 * then {@code GET /{media-id}?fields=permalink} for the URL. Instagram posts need an image: the post's first media
 * URL, else the account's {@code image-url}. The API offers no delete for published media: {@link #delete} says so.
 */
public class InstagramAdapter extends HttpPlatformAdapter {

    public InstagramAdapter(PublishingAccounts accounts) {
        super(accounts);
    }

    @Override
    public String platform() {
        return "instagram";
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        PublishingProperties.Account account = accounts.account(platform(), request.account());
        String userId = accounts.required(platform(), request.account(), "Instagram user id (id)", account.id());
        String image = request.mediaUrls().isEmpty() ? account.imageUrl() : request.mediaUrls().get(0);
        accounts.required(platform(), request.account(), "image (image-url, Instagram posts need one)", image);
        String token = accounts.token(platform(), request.account());
        MultiValueMap<String, String> container = new LinkedMultiValueMap<>();
        container.add("image_url", image);
        container.add("caption", request.text());
        JsonNode created = call(request.account(), "POST /{ig-user-id}/media", () -> client().post()
                .uri("/{userId}/media", userId).header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(container).retrieve().body(JsonNode.class));
        String creationId = text(created, "id");
        if (creationId == null) {
            throw new PlatformException(PlatformException.Kind.PERMANENT, "instagram account '" + request.account()
                    + "': the media container answer carried no id");
        }
        MultiValueMap<String, String> publish = new LinkedMultiValueMap<>();
        publish.add("creation_id", creationId);
        JsonNode published = call(request.account(), "POST /{ig-user-id}/media_publish", () -> client().post()
                .uri("/{userId}/media_publish", userId).header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(publish).retrieve().body(JsonNode.class));
        String mediaId = text(published, "id");
        if (mediaId == null) {
            throw PlatformException.outcomeUnknown("instagram account '" + request.account()
                    + "': media_publish answered without a media id", null);
        }
        return new PublishResult(mediaId, permalink(request.account(), mediaId, token));
    }

    /** The permalink is a convenience: the post exists whatever this call answers. */
    private String permalink(String account, String mediaId, String token) {
        try {
            JsonNode media = call(account, "GET /{media-id}", () -> client().get()
                    .uri("/{mediaId}?fields=permalink", mediaId).header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .retrieve().body(JsonNode.class));
            return text(media, "permalink");
        } catch (PlatformException e) {
            return null;
        }
    }

    @Override
    public void delete(String account, String externalId) {
        throw new PlatformException(PlatformException.Kind.PERMANENT, "instagram account '" + account
                + "': the Instagram Graph API cannot delete published media " + externalId
                + "; delete it in the Instagram app");
    }

    @Override
    public void checkCredentials(String account) {
        String userId = accounts.required(platform(), account, "Instagram user id (id)", accounts.account(platform(), account).id());
        String token = accounts.token(platform(), account);
        call(account, "GET /{ig-user-id}", () -> client().get().uri("/{userId}?fields=id", userId)
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).retrieve().toBodilessEntity());
    }

    @Override
    protected String errorDetail(JsonNode body) {
        return GraphErrors.detail(body);
    }
}
