package org.carepost.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each adapter against WireMock on loopback, replaying the networks' documented request and response shapes,
 * including their error bodies: 401 expired/revoked token, 429 with Retry-After, 400/422 validation, 500, timeouts
 * and dropped connections. Messages name platform and account and the network's code, never the post text.
 */
class PlatformAdaptersWireMockTest {

    static final String TEXT = "Flu shots this week ${secret} #set($x = 1) $!{x} #FluSeason";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    PublishingAccounts accounts;

    @BeforeEach
    void setUp() {
        accounts = TestNetworks.accounts(wm.baseUrl(), Duration.ofSeconds(3));
    }

    static PublishRequest request(String platform) {
        return new PublishRequest("c1:v1:" + platform + ":default", platform, "default", TEXT, List.of());
    }

    static PlatformException failure(Runnable call) {
        PlatformException e = catchThrowableOfType(PlatformException.class, call::run);
        assertThat(e).as("a PlatformException").isNotNull();
        assertThat(e.getMessage()).doesNotContain(TEXT).doesNotContain("Flu shots").doesNotContain(TestNetworks.TOKEN);
        return e;
    }

    // ---- Facebook Pages ---------------------------------------------------------------------------------------

    @Test
    void facebookPostsToThePageFeedAndDeletes() {
        wm.stubFor(post("/1234567890/feed").willReturn(okJson("{\"id\":\"1234567890_987654321\"}")));
        wm.stubFor(delete("/1234567890_987654321").willReturn(okJson("{\"success\":true}")));
        FacebookPagesAdapter facebook = new FacebookPagesAdapter(accounts);

        PublishResult result = facebook.publish(request("facebook"));
        facebook.delete("default", result.externalId());

        assertThat(result).isEqualTo(new PublishResult("1234567890_987654321", "https://www.facebook.com/1234567890_987654321"));
        LoggedRequest sent = wm.findAll(postRequestedFor(urlEqualTo("/1234567890/feed"))).get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TestNetworks.TOKEN);
        assertThat(sent.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(java.net.URLDecoder.decode(sent.getBodyAsString(), StandardCharsets.UTF_8)).isEqualTo("message=" + TEXT);
        assertThat(sent.getUrl()).doesNotContain(TestNetworks.TOKEN);
        wm.verify(deleteRequestedFor(urlEqualTo("/1234567890_987654321")));
    }

    @Test
    void facebookExpiredTokenNamesTheAccountToReauthorise() {
        wm.stubFor(post("/1234567890/feed").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Error validating access token: Session has expired on Tuesday, 01-Dec-26.\","
                        + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"AbCdEf\"}}")));

        PlatformException e = failure(() -> new FacebookPagesAdapter(accounts).publish(request("facebook")));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.AUTHENTICATION);
        assertThat(e.getMessage()).contains("facebook account 'default'", "re-authorisation", "OAuthException",
                "code 190/463", "Session has expired");
    }

    @Test
    void facebookServerErrorIsRetryable() {
        wm.stubFor(post("/1234567890/feed").willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"An unknown error has occurred.\",\"type\":\"OAuthException\",\"code\":1}}")));

        PlatformException e = failure(() -> new FacebookPagesAdapter(accounts).publish(request("facebook")));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.RETRYABLE);
        assertThat(e.isOutcomeUnknown()).isFalse();
        assertThat(e.getMessage()).contains("HTTP 500", "code 1", "An unknown error has occurred.");
    }

    // ---- Instagram ----------------------------------------------------------------------------------------------

    @Test
    void instagramCreatesAContainerThenPublishesIt() {
        wm.stubFor(post("/17841400000000000/media").willReturn(okJson("{\"id\":\"17889455560051444\"}")));
        wm.stubFor(post("/17841400000000000/media_publish").withRequestBody(equalTo("creation_id=17889455560051444"))
                .willReturn(okJson("{\"id\":\"17920238422030506\"}")));
        wm.stubFor(get(urlPathEqualTo("/17920238422030506")).willReturn(okJson(
                "{\"permalink\":\"https://www.instagram.com/p/Cabc123/\",\"id\":\"17920238422030506\"}")));

        PublishResult result = new InstagramAdapter(accounts).publish(request("instagram"));

        assertThat(result).isEqualTo(new PublishResult("17920238422030506", "https://www.instagram.com/p/Cabc123/"));
        String container = java.net.URLDecoder.decode(wm.findAll(postRequestedFor(urlEqualTo("/17841400000000000/media")))
                .get(0).getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(container).isEqualTo("image_url=https://cdn.example.org/card.jpg&caption=" + TEXT);
    }

    @Test
    void instagramValidationErrorFailsFast() {
        wm.stubFor(post("/17841400000000000/media").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Invalid parameter\",\"type\":\"OAuthException\",\"code\":100,"
                        + "\"error_subcode\":2207052,\"error_user_msg\":\"The media could not be fetched from this uri\"}}")));

        PlatformException e = failure(() -> new InstagramAdapter(accounts).publish(request("instagram")));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.PERMANENT);
        assertThat(e.getMessage()).contains("instagram account 'default'", "HTTP 400", "code 100/2207052", "Invalid parameter");
        wm.verify(0, postRequestedFor(urlEqualTo("/17841400000000000/media_publish")));
    }

    @Test
    void instagramCannotDeleteAndSaysSo() {
        PlatformException e = failure(() -> new InstagramAdapter(accounts).delete("default", "17920238422030506"));
        assertThat(e.kind()).isEqualTo(PlatformException.Kind.PERMANENT);
        assertThat(e.getMessage()).contains("cannot delete");
    }

    // ---- LinkedIn -----------------------------------------------------------------------------------------------

    @Test
    void linkedinPostsWithVersionHeadersAndReadsTheIdFromXRestliId() {
        wm.stubFor(post("/rest/posts").withHeader("LinkedIn-Version", equalTo("202506"))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                .withRequestBody(matchingJsonPath("$.author", equalTo("urn:li:organization:5515715")))
                .withRequestBody(matchingJsonPath("$.lifecycleState", equalTo("PUBLISHED")))
                .withRequestBody(matchingJsonPath("$.distribution.feedDistribution", equalTo("MAIN_FEED")))
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:6844785523593134080")));
        wm.stubFor(delete("/rest/posts/urn%3Ali%3Ashare%3A6844785523593134080").willReturn(aResponse().withStatus(204)));
        LinkedInAdapter linkedin = new LinkedInAdapter(accounts);

        PublishResult result = linkedin.publish(new PublishRequest("k", "linkedin", "default",
                "Join us (Sat) at 10 #HeartHealth", List.of()));
        linkedin.delete("default", result.externalId());

        assertThat(result.externalId()).isEqualTo("urn:li:share:6844785523593134080");
        assertThat(result.url()).isEqualTo("https://www.linkedin.com/feed/update/urn:li:share:6844785523593134080/");
        wm.verify(postRequestedFor(urlEqualTo("/rest/posts")).withRequestBody(matchingJsonPath("$.commentary",
                equalTo("Join us \\(Sat\\) at 10 {hashtag|\\#|HeartHealth}"))));
        wm.verify(deleteRequestedFor(urlEqualTo("/rest/posts/urn%3Ali%3Ashare%3A6844785523593134080")));
    }

    @Test
    void linkedinRateLimitIsRetryableAndKeepsRetryAfter() {
        wm.stubFor(post("/rest/posts").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":429,\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Resource level throttle APPLICATION DAY limit for calls to this resource is reached.\"}")));

        PlatformException e = failure(() -> new LinkedInAdapter(accounts).publish(request("linkedin")));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.RETRYABLE);
        assertThat(e.getMessage()).contains("linkedin account 'default'", "HTTP 429", "TOO_MANY_REQUESTS", "retry after 60 s");
    }

    @Test
    void linkedinRevokedTokenNeedsReauthorisation() {
        wm.stubFor(post("/rest/posts").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":401,\"serviceErrorCode\":65601,\"code\":\"REVOKED_ACCESS_TOKEN\","
                        + "\"message\":\"The token used in the request has been revoked by the user\"}")));

        PlatformException e = failure(() -> new LinkedInAdapter(accounts).publish(request("linkedin")));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.AUTHENTICATION);
        assertThat(e.getMessage()).contains("REVOKED_ACCESS_TOKEN", "serviceErrorCode 65601", "re-authorisation",
                "account 'default'");
    }

    // ---- X --------------------------------------------------------------------------------------------------------

    @Test
    void xPostsATweetAndDeletesIt() {
        wm.stubFor(post("/2/tweets").withRequestBody(matchingJsonPath("$.text", equalTo(TEXT)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"id\":\"1445880548472328192\",\"text\":\"...\"}}")));
        wm.stubFor(delete("/2/tweets/1445880548472328192").willReturn(okJson("{\"data\":{\"deleted\":true}}")));
        XAdapter x = new XAdapter(accounts);

        PublishResult result = x.publish(request("x"));
        x.delete("default", result.externalId());

        assertThat(result).isEqualTo(new PublishResult("1445880548472328192", "https://x.com/i/web/status/1445880548472328192"));
        wm.verify(deleteRequestedFor(urlEqualTo("/2/tweets/1445880548472328192")));
    }

    @Test
    void xUnauthorizedAndValidationErrors() {
        wm.stubFor(post("/2/tweets").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")));
        PlatformException auth = failure(() -> new XAdapter(accounts).publish(request("x")));
        assertThat(auth.kind()).isEqualTo(PlatformException.Kind.AUTHENTICATION);
        assertThat(auth.getMessage()).contains("x account 'default'", "Unauthorized", "re-authorisation");

        wm.stubFor(post("/2/tweets").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"errors\":[{\"parameters\":{\"text\":[\"...\"]},\"message\":\"Tweet text is too long.\"}],"
                        + "\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\","
                        + "\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}")));
        PlatformException invalid = failure(() -> new XAdapter(accounts).publish(request("x")));
        assertThat(invalid.kind()).isEqualTo(PlatformException.Kind.PERMANENT);
        assertThat(invalid.getMessage()).contains("Invalid Request", "Tweet text is too long.");
    }

    @Test
    void xDuplicateContentIsARefusalNotAnAuthenticationProblem() {
        wm.stubFor(post("/2/tweets").willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\",\"type\":\"about:blank\","
                        + "\"title\":\"Forbidden\",\"status\":403}")));
        PlatformException e = failure(() -> new XAdapter(accounts).publish(request("x")));
        assertThat(e.kind()).isEqualTo(PlatformException.Kind.PERMANENT);
        assertThat(e.getMessage()).contains("duplicate content");
    }

    // ---- Mastodon -------------------------------------------------------------------------------------------------

    @Test
    void mastodonSendsTheIdempotencyKey() {
        wm.stubFor(post("/api/v1/statuses").withHeader("Idempotency-Key", equalTo("c1:v1:mastodon:default"))
                .withRequestBody(matchingJsonPath("$.status", equalTo(TEXT)))
                .willReturn(okJson("{\"id\":\"103704874086360371\",\"url\":\"https://mastodon.example/@carepost/103704874086360371\","
                        + "\"content\":\"<p>...</p>\",\"visibility\":\"public\"}")));
        wm.stubFor(delete("/api/v1/statuses/103704874086360371").willReturn(okJson("{\"id\":\"103704874086360371\"}")));
        MastodonAdapter mastodon = new MastodonAdapter(accounts);

        PublishResult result = mastodon.publish(request("mastodon"));
        mastodon.delete("default", result.externalId());

        assertThat(result.url()).isEqualTo("https://mastodon.example/@carepost/103704874086360371");
        assertThat(mastodon.confirmsPublication()).isTrue();
        wm.verify(deleteRequestedFor(urlEqualTo("/api/v1/statuses/103704874086360371")));
    }

    @Test
    void mastodonValidationInvalidTokenTimeoutAndReset() {
        MastodonAdapter mastodon = new MastodonAdapter(accounts);
        wm.stubFor(post("/api/v1/statuses").willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}")));
        PlatformException invalid = failure(() -> mastodon.publish(request("mastodon")));
        assertThat(invalid.kind()).isEqualTo(PlatformException.Kind.PERMANENT);
        assertThat(invalid.getMessage()).contains("HTTP 422", "Text character limit of 500 exceeded");

        wm.stubFor(get("/api/v1/accounts/verify_credentials").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"The access token is invalid\"}")));
        PlatformException auth = failure(() -> mastodon.checkCredentials("default"));
        assertThat(auth.kind()).isEqualTo(PlatformException.Kind.AUTHENTICATION);
        assertThat(auth.getMessage()).contains("mastodon account 'default'", "The access token is invalid");

        wm.stubFor(post("/api/v1/statuses").willReturn(okJson("{\"id\":\"1\"}").withFixedDelay(4000)));
        PlatformException timeout = failure(() -> mastodon.publish(request("mastodon")));
        assertThat(timeout.kind()).isEqualTo(PlatformException.Kind.RETRYABLE);
        assertThat(timeout.isOutcomeUnknown()).isTrue();

        wm.stubFor(post("/api/v1/statuses").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        PlatformException reset = failure(() -> mastodon.publish(request("mastodon")));
        assertThat(reset.kind()).isEqualTo(PlatformException.Kind.RETRYABLE);
        assertThat(reset.isOutcomeUnknown()).isTrue();
    }

    // ---- Webhook --------------------------------------------------------------------------------------------------

    @Test
    void webhookSignsTheExactBodyAndAnswersTheEcho() {
        wm.stubFor(post("/hook").willReturn(okJson("{\"id\":\"wh-1\",\"url\":\"https://intranet.example/news/wh-1\"}")));
        wm.stubFor(get("/hook/c1%3Av1%3Awebhook%3Adefault").willReturn(okJson("{\"id\":\"wh-1\",\"url\":\"https://intranet.example/news/wh-1\"}")));
        wm.stubFor(get("/hook/other").willReturn(aResponse().withStatus(404).withBody("{\"error\":\"unknown id\"}")));
        WebhookAdapter webhook = new WebhookAdapter(accounts);

        PublishResult result = webhook.publish(request("webhook"));

        assertThat(result).isEqualTo(new PublishResult("wh-1", "https://intranet.example/news/wh-1"));
        LoggedRequest sent = wm.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
        assertThat(sent.getHeader(WebhookAdapter.SIGNATURE_HEADER))
                .isEqualTo(WebhookAdapter.signature(TestNetworks.SECRET, sent.getBody()))
                .matches("sha256=[0-9a-f]{64}");
        assertThat(sent.getBodyAsString()).contains("\"id\":\"c1:v1:webhook:default\"");
        wm.verify(postRequestedFor(urlEqualTo("/hook")).withRequestBody(matchingJsonPath("$.text", equalTo(TEXT))));
        assertThat(webhook.findPublished("default", "c1:v1:webhook:default")).contains(result);
        assertThat(webhook.findPublished("default", "other")).isEmpty();
    }

    @Test
    void webhookRejectedSignatureIsAnAuthenticationProblem() {
        wm.stubFor(post("/hook").willReturn(aResponse().withStatus(403).withBody("{\"error\":\"bad signature\"}")));
        PlatformException e = failure(() -> new WebhookAdapter(accounts).publish(request("webhook")));
        assertThat(e.kind()).isEqualTo(PlatformException.Kind.AUTHENTICATION);
        assertThat(e.getMessage()).contains("webhook account 'default'", "bad signature");
    }

    @Test
    void missingTokenIsAnAuthenticationProblemNamingTheKey() {
        PublishingAccounts none = new PublishingAccounts(new PublishingProperties("live", java.util.Map.of("x", wm.baseUrl()),
                java.util.Map.of(), null, null, null, null));
        PlatformException e = failure(() -> new XAdapter(none).checkCredentials("oncology"));
        assertThat(e.kind()).isEqualTo(PlatformException.Kind.AUTHENTICATION);
        assertThat(e.getMessage()).contains("carepost.publishing.accounts.x.oncology.token");
    }
}
