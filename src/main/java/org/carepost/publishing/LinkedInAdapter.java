package org.carepost.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * LinkedIn Posts API: {@code POST /rest/posts} with {@code LinkedIn-Version} and {@code X-Restli-Protocol-Version:
 * 2.0.0}; the new post's URN comes back in the {@code x-restli-id} header; {@code DELETE /rest/posts/{urn}}.
 * Account settings: {@code id} = author URN ({@code urn:li:organization:...}), {@code token}. The stored rendering
 * goes out as commentary in LinkedIn's "little text" format: reserved characters are escaped and {@code #tag}s
 * become hashtag links (transport encoding, like JSON escaping; what readers see is the rendering).
 * Errors: {@code {"status","serviceErrorCode","code","message"}}.
 */
public class LinkedInAdapter extends HttpPlatformAdapter {

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_])#([\\p{L}\\p{N}_]+)");
    private static final String RESERVED = "\\|{}@[]()<>#*_~";

    public LinkedInAdapter(PublishingAccounts accounts) {
        super(accounts);
    }

    @Override
    public String platform() {
        return "linkedin";
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        PublishingProperties.Account account = accounts.account(platform(), request.account());
        String author = accounts.required(platform(), request.account(), "author URN (id)", account.id());
        String token = accounts.token(platform(), request.account());
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("author", author);
        post.put("commentary", littleText(request.text()));
        post.put("visibility", "PUBLIC");
        post.put("distribution", Map.of("feedDistribution", "MAIN_FEED", "targetEntities", List.of(),
                "thirdPartyDistributionChannels", List.of()));
        post.put("lifecycleState", "PUBLISHED");
        post.put("isReshareDisabledByAuthor", false);
        ResponseEntity<Void> answer = call(request.account(), "POST /rest/posts", () -> client().post()
                .uri("/rest/posts").headers(h -> headers(h, token)).contentType(MediaType.APPLICATION_JSON)
                .body(post).retrieve().toBodilessEntity());
        String urn = answer.getHeaders().getFirst("x-restli-id");
        if (urn == null) {
            throw PlatformException.outcomeUnknown("linkedin account '" + request.account()
                    + "': the answer carried no x-restli-id", null);
        }
        return new PublishResult(urn, "https://www.linkedin.com/feed/update/" + urn + "/");
    }

    @Override
    public void delete(String account, String externalId) {
        String token = accounts.token(platform(), account);
        call(account, "DELETE /rest/posts/{urn}", () -> client().delete().uri("/rest/posts/{urn}", externalId)
                .headers(h -> headers(h, token)).retrieve().toBodilessEntity());
    }

    @Override
    public void checkCredentials(String account) {
        String author = accounts.required(platform(), account, "author URN (id)", accounts.account(platform(), account).id());
        String token = accounts.token(platform(), account);
        call(account, "GET /rest/posts?q=author", () -> client().get()
                .uri("/rest/posts?q=author&author={author}&count=1", author).headers(h -> headers(h, token))
                .retrieve().toBodilessEntity());
    }

    private void headers(HttpHeaders headers, String token) {
        headers.set(HttpHeaders.AUTHORIZATION, bearer(token));
        headers.set("LinkedIn-Version", accounts.properties().linkedinVersion());
        headers.set("X-Restli-Protocol-Version", "2.0.0");
    }

    /** LinkedIn's little text format: reserved characters escaped, #tags as {hashtag|\#|tag}. */
    static String littleText(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = HASHTAG.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start())));
            out.append("{hashtag|\\#|").append(escape(m.group(1))).append('}');
            last = m.end();
        }
        out.append(escape(text.substring(last)));
        return out.toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (RESERVED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    @Override
    protected String errorDetail(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "";
        }
        String service = text(body, "serviceErrorCode");
        return join(text(body, "code"), service == null ? null : "serviceErrorCode " + service + ":", text(body, "message"));
    }
}
