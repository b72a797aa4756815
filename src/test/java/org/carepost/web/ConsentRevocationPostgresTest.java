package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.consent.ConsentFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A patient revokes the authorization two testimonials rely on: one is still in review, one is published. The one in
 * review stops (its author is told why), the published one comes down on every platform, and the audit trail says
 * who did what under which authorization. Real PostgreSQL, the whole application over HTTP.
 */
@PostgresApplicationTest
class ConsentRevocationPostgresTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void authorizationMissingAnElementIsRefusedWithTheListAndNothingIsStored() {
        Integer before = jdbc.queryForObject("select count(*) from consent", Integer.class);
        String incomplete = ConsentFixtures.completeJson(List.of("facebook")).replace(
                "\"redisclosureStatement\":\"Redisclosed information may no longer be protected.\",", "")
                .replace("\"expiresOn\":\"2099-12-31\",", "");
        ApiClient.Reply refused = api.post("/api/consents", "pat", incomplete);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("expiresOn", "redisclosureStatement");
        assertThat(refused.body()).doesNotContain("Jordan");
        assertThat(jdbc.queryForObject("select count(*) from consent", Integer.class)).isEqualTo(before);
        // Only the privacy office records authorizations.
        assertThat(api.post("/api/consents", "alice", ConsentFixtures.completeJson(List.of("x"))).status()).isEqualTo(403);
        // A revocation must say how the patient asked; an unknown authorization is 404.
        String id = api.post("/api/consents", "pat", ConsentFixtures.completeJson(List.of("x"))).json().get("id").asText();
        ApiClient.Reply noChannel = api.post("/api/consents/" + id + "/revocation", "pat", "{\"note\":\"phone call\"}");
        assertThat(noChannel.status()).isEqualTo(400);
        assertThat(noChannel.json().get("errors").get(0).get("field").asText()).isEqualTo("requestedVia");
        assertThat(api.post("/api/consents/" + UUID.randomUUID() + "/revocation", "pat",
                "{\"requestedVia\":\"email\"}").status()).isEqualTo(404);
    }

    @Test
    void revocationStopsTheDraftInReviewAndTakesThePublishedPostDownEverywhere() throws Exception {
        // The privacy office records the signed authorization and uploads the signed document.
        ApiClient.Reply created = api.post("/api/consents", "pat", ConsentFixtures.completeJson(List.of("facebook", "x")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String consentId = created.json().get("id").asText();
        byte[] scan = ConsentFixtures.insertTextChunk(ConsentFixtures.png(), "Author", "Jordan Example");
        HttpResponse<String> upload = upload(consentId, "pat", scan);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        JsonNode document = new ObjectMapper().readTree(upload.body());
        assertThat(document.get("mediaType").asText()).isEqualTo("image/png");
        assertThat(document.get("metadataStripped").asBoolean()).isTrue();
        byte[] stored = jdbc.queryForObject("select body from consent_document where consent_id = ?", byte[].class,
                UUID.fromString(consentId));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Jordan");
        assertThat(api.get("/api/consents/" + consentId, "pat").json().get("status").asText()).isEqualTo("VALID");
        assertThat(api.get("/api/consents/" + consentId, "alice").status()).isEqualTo(403);

        // Two testimonials under it: one published soon, one still in review.
        ApiClient.Reply published = api.post("/api/content", "alice", testimonial("My new heart", consentId,
                Instant.now().plusSeconds(5)));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String publishedId = published.json().get("id").asText();
        String publishedPid = published.json().get("processInstanceId").asText();
        ApiClient.Reply inReview = api.post("/api/content", "alice", testimonial("Back on my bike", consentId,
                Instant.now().plusSeconds(3600)));
        String inReviewId = inReview.json().get("id").asText();
        String inReviewPid = inReview.json().get("processInstanceId").asText();

        completeAs("pat", publishedPid, "privacyReview");
        completeAs("lee", publishedPid, "legalReview");
        completeAs("bria", publishedPid, "brandReview");
        completeAs("carl", publishedPid, "departmentSignoff");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                api.get("/api/content/" + publishedId, "alice").json().get("status").asText().equals("PUBLISHED"));
        List<Long> posts = jdbc.queryForList("select cast(external_id as bigint) from publication where content_id = ?",
                Long.class, UUID.fromString(publishedId));
        assertThat(posts).hasSize(2);
        taskId("pat", inReviewPid, "privacyReview"); // the other one is in review

        // The patient's letter arrives: the privacy office records the revocation.
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(api.post("/api/consents/" + consentId + "/revocation", "alice",
                "{\"requestedVia\":\"letter\",\"receivedOn\":\"" + today + "\"}").status()).isEqualTo(403);
        ApiClient.Reply revoked = api.post("/api/consents/" + consentId + "/revocation", "pat",
                "{\"requestedVia\":\"letter\",\"receivedOn\":\"" + today + "\",\"note\":\"Letter of 30 Nov\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("stoppedContent")).extracting(JsonNode::asText).containsExactly(inReviewId);
        assertThat(revoked.json().get("takenDownContent")).extracting(JsonNode::asText).containsExactly(publishedId);

        // In review: stopped at once, and its author is told why.
        assertThat(api.get("/api/content/" + inReviewId, "alice").json().get("status").asText()).isEqualTo("WITHDRAWN");
        ApiClient.Reply notice = api.get("/engine-rest/task?processInstanceId=" + inReviewPid, "alice");
        assertThat(notice.json()).singleElement().satisfies(t -> {
            assertThat(t.get("taskDefinitionKey").asText()).isEqualTo("readWhyStopped");
            assertThat(t.get("assignee").asText()).isEqualTo("alice");
        });
        assertThat(api.get("/engine-rest/task?processInstanceId=" + inReviewPid, "pat").json()).isEmpty();

        // Published: deleted on every platform, asynchronously, each delete recorded.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                jdbc.queryForObject("select count(*) from sandbox_post where id in (" + join(posts)
                        + ") and deleted_at is not null", Integer.class) == 2
                        && api.get("/api/content/" + publishedId, "alice").json().get("status").asText().equals("WITHDRAWN"));
        assertThat(jdbc.queryForList("select status from takedown where content_id = ?", String.class,
                UUID.fromString(publishedId))).containsExactly("DELETED", "DELETED");
        assertThat(jdbc.queryForList("select platform from takedown where content_id = ? order by platform",
                String.class, UUID.fromString(publishedId))).containsExactly("facebook", "x");
        // What went out where says so too: each publication is taken down, not still PUBLISHED (issue 16 defect).
        ApiClient.Reply publications = api.get("/api/publications?contentId=" + publishedId, "alice");
        assertThat(publications.status()).isEqualTo(200);
        assertThat(publications.json()).hasSize(2).allSatisfy(p ->
                assertThat(p.get("status").asText()).as(p.get("platform").asText()).isEqualTo("DELETED"));

        // The audit trail: per content, and per authorization.
        assertThat(actions("content_id", UUID.fromString(inReviewId))).containsExactly("submit", "route", "draft-stopped");
        assertThat(actions("content_id", UUID.fromString(publishedId))).containsExactly("submit", "route", "review", "review",
                "review", "signoff", "approve", "publish", "publish", "takedown", "takedown", "taken-down");
        assertThat(actions("consent_id", consentId)).containsExactly("consent-recorded", "consent-document",
                "consent-revoked", "draft-stopped", "takedown", "takedown", "taken-down");
        assertThat(jdbc.queryForObject("select actor from audit_event where consent_id = ? and action = 'consent-revoked'",
                String.class, consentId)).isEqualTo("pat");
        JsonNode ended = api.get("/api/consents/" + consentId, "audrey").json();
        assertThat(ended.get("status").asText()).isEqualTo("REVOKED");
        assertThat(ended.get("ended").get("requestedVia").asText()).isEqualTo("LETTER");
        assertThat(ended.get("ended").get("recordedBy").asText()).isEqualTo("pat");

        // Once ended, it stays ended; and the row itself cannot be changed, not even by hand.
        assertThat(api.post("/api/consents/" + consentId + "/revocation", "pat", "{\"requestedVia\":\"email\"}").status())
                .isEqualTo(409);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "delete from consent_revocation where consent_id = ?", UUID.fromString(consentId)))
                .hasMessageContaining("append-only");
    }

    private List<String> actions(String column, Object id) {
        return jdbc.queryForList("select action from audit_event where " + column + " = ? order by id", String.class,
                column.equals("consent_id") ? id.toString() : id);
    }

    private static String join(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private void completeAs(String user, String pid, String taskKey) {
        String id = taskId(user, pid, taskKey);
        ApiClient.Reply reply = api.post("/engine-rest/task/" + id + "/complete", user,
                ContentJourneyPostgresTest.decision("approve", ""));
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }

    private String taskId(String user, String pid, String taskKey) {
        ApiClient.Reply tasks = api.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + taskKey, user);
        assertThat(tasks.json()).as(user + " sees " + taskKey).hasSize(1);
        return tasks.json().get(0).get("id").asText();
    }

    private static String testimonial(String title, String consentId, Instant publishAt) {
        return "{\"title\":\"" + title + "\",\"kind\":\"testimonial\",\"department\":\"cardiology\","
                + "\"text\":\"After my surgery I walk every day. Thank you, cardiology team!\","
                + "\"platforms\":[\"facebook\",\"x\"],\"publishAt\":\"" + publishAt + "\",\"consentId\":\"" + consentId + "\"}";
    }

    private HttpResponse<String> upload(String consentId, String user, byte[] file) throws Exception {
        String boundary = "carepost" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"signed.png\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/consents/" + consentId
                        + "/document")).header("Authorization", "Basic " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
