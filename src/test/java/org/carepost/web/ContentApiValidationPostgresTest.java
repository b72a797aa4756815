package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.content.StoredContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input gets a 400 problem naming the field, and nothing is created. */
@PostgresApplicationTest
class ContentApiValidationPostgresTest {

    private static final String FUTURE = Instant.now().plusSeconds(86_400).toString();

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.context.ApplicationContext context;

    StoredContent items;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    ApiClient api;

    @BeforeEach
    void setUp() {
        items = new StoredContent(context);
        api = new ApiClient(port);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing title      | {\"kind\":\"education\",\"department\":\"cardiology\",\"text\":\"t\",\"platforms\":[\"x\"],\"publishAt\":\"FUTURE\"} | title",
        "blank text         | {\"title\":\"a\",\"kind\":\"education\",\"department\":\"cardiology\",\"text\":\"   \",\"platforms\":[\"x\"],\"publishAt\":\"FUTURE\"} | text",
        "unknown kind       | {\"title\":\"a\",\"kind\":\"gossip\",\"department\":\"cardiology\",\"text\":\"t\",\"platforms\":[\"x\"],\"publishAt\":\"FUTURE\"} | kind",
        "unknown department | {\"title\":\"a\",\"kind\":\"education\",\"department\":\"dentistry\",\"text\":\"t\",\"platforms\":[\"x\"],\"publishAt\":\"FUTURE\"} | department",
        "unknown platform   | {\"title\":\"a\",\"kind\":\"education\",\"department\":\"cardiology\",\"text\":\"t\",\"platforms\":[\"myspace\"],\"publishAt\":\"FUTURE\"} | platforms",
        "no platform        | {\"title\":\"a\",\"kind\":\"education\",\"department\":\"cardiology\",\"text\":\"t\",\"platforms\":[],\"publishAt\":\"FUTURE\"} | platforms",
        "past publishAt     | {\"title\":\"a\",\"kind\":\"education\",\"department\":\"cardiology\",\"text\":\"t\",\"platforms\":[\"x\"],\"publishAt\":\"2020-01-01T00:00:00Z\"} | publishAt",
        "bad publishAt      | {\"title\":\"a\",\"kind\":\"education\",\"department\":\"cardiology\",\"text\":\"t\",\"platforms\":[\"x\"],\"publishAt\":\"tomorrow\"} | publishAt",
        "wrong type         | {\"title\":\"a\",\"kind\":\"education\",\"department\":\"cardiology\",\"text\":\"t\",\"platforms\":\"x\",\"publishAt\":\"FUTURE\"} | platforms",
        "unknown field      | {\"title\":\"a\",\"kind\":\"education\",\"department\":\"cardiology\",\"text\":\"t\",\"platforms\":[\"x\"],\"publishAt\":\"FUTURE\",\"patientName\":\"x\"} | patientName",
    })
    void badFieldIsNamedAndNothingIsCreated(String why, String body, String field) {
        long before = items.count();
        ApiClient.Reply reply = api.post("/api/content", "alice", body.replace("FUTURE", FUTURE));
        assertThat(reply.status()).as(why + ": " + reply.body()).isEqualTo(400);
        assertThat(reply.json().get("title").asText()).isEqualTo("Invalid request");
        assertThat(reply.json().get("errors").findValuesAsText("field")).contains(field);
        assertThat(items.count()).isEqualTo(before);
    }

    @Test
    void textOver64KiBIsRefused() {
        long before = items.count();
        String text = "é".repeat(33_000); // 66,000 bytes in UTF-8, though only 33,000 characters
        ApiClient.Reply reply = api.post("/api/content", "alice", ContentJourneyPostgresTest.draft(text, "[\"x\"]", Instant.parse(FUTURE)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").findValuesAsText("field")).containsExactly("text");
        assertThat(items.count()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsA400WithoutEchoingTheBody() {
        ApiClient.Reply reply = api.post("/api/content", "alice", "{\"title\": \"Mrs. Example's story\", ");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).isEqualTo("The request body is not valid JSON.");
        assertThat(reply.body()).doesNotContain("Example");
    }

    @Test
    void unauthenticatedOrWrongPasswordIs401() {
        assertThat(api.get("/api/publications", null).status()).isEqualTo(401);
        assertThat(api.post("/api/content", null, "{}").status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/task", null).status()).isEqualTo(401);
        assertThat(api.get("/api/publications", "nobody").status()).isEqualTo(401);
        // A user of its own: Camunda throttles a user's logins after a wrong password.
        if (identityService.createUserQuery().userId("wrongpw").count() == 0) {
            var user = identityService.newUser("wrongpw");
            user.setPassword("right");
            identityService.saveUser(user);
        }
        assertThat(api.getWithPassword("/api/publications", "wrongpw", "wrong").status()).isEqualTo(401);
    }

    @Test
    void onlyAuthorsOfTheDepartmentMayDraft() {
        String cardiology = ContentJourneyPostgresTest.draft("t", "[\"x\"]", Instant.parse(FUTURE));
        long before = items.count();
        assertThat(api.post("/api/content", "pat", cardiology).status()).isEqualTo(403); // not an author
        assertThat(api.post("/api/content", "omar", cardiology).status()).isEqualTo(403); // oncology author
        assertThat(items.count()).isEqualTo(before);
    }

    @Test
    void unknownContentIs404AndOthersDraftsAreNotShownToAuthors() {
        assertThat(api.get("/api/content/" + java.util.UUID.randomUUID(), "pat").status()).isEqualTo(404);
        String id = api.post("/api/content", "alice", ContentJourneyPostgresTest.draft("t", "[\"x\"]", Instant.parse(FUTURE)))
                .json().get("id").asText();
        assertThat(api.get("/api/content/" + id, "omar").status()).isEqualTo(403);
        assertThat(api.get("/api/content/" + id, "audrey").status()).isEqualTo(200);
    }
}
