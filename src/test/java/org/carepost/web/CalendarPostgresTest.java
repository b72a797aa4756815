package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@PostgresApplicationTest
class CalendarPostgresTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void scheduledPostsAppearWithTitlesOnlyInJsonAndICalendarPerDepartment() {
        // A day of its own far in the future, so earlier runs against the same database do not show up.
        Instant day = Instant.parse("2040-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(20000), ChronoUnit.DAYS);
        Instant at = day.plus(Duration.ofHours(9));
        String secretText = "Calendar body text that must stay out of the calendar";
        ApiClient.Reply created = api.post("/api/content", "alice", "{\"title\":\"Heart month talk\",\"kind\":\"education\","
                + "\"department\":\"cardiology\",\"text\":\"" + secretText + "\",\"platforms\":[\"x\",\"mastodon\"],"
                + "\"publishAt\":\"" + at + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String range = "from=" + day + "&to=" + day.plus(Duration.ofDays(1));

        // Any logged-in user, not only the author.
        ApiClient.Reply calendar = api.get("/api/calendar?" + range, "audrey");
        assertThat(calendar.status()).isEqualTo(200);
        JsonNode entries = calendar.json();
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("contentId").asText()).isEqualTo(id);
        assertThat(entry.get("title").asText()).isEqualTo("Heart month talk");
        assertThat(entry.get("department").asText()).isEqualTo("cardiology");
        assertThat(entry.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(Instant.parse(entry.get("publishAt").asText())).isEqualTo(at);
        assertThat(entry.get("platforms")).extracting(JsonNode::asText).containsExactly("mastodon", "x");
        assertThat(calendar.body()).doesNotContain(secretText);

        assertThat(api.get("/api/calendar?" + range + "&department=oncology", "omar").json()).isEmpty();
        assertThat(api.get("/api/calendar?" + range + "&department=cardiology", "omar").json()).hasSize(1);

        ApiClient.Reply ics = api.get("/api/calendar.ics?" + range + "&department=cardiology", "carl");
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR").contains("VERSION:2.0", "BEGIN:VEVENT", "SUMMARY:Heart month talk",
                "UID:" + id + "@carepost", "CATEGORIES:cardiology", "END:VCALENDAR").doesNotContain(secretText);
        assertThat(api.get("/api/calendar.ics?" + range + "&department=oncology", "carl").body()).doesNotContain("BEGIN:VEVENT");
    }

    @Test
    void badRangesAndUnknownDepartmentsAreProblemsNamingTheField() {
        ApiClient.Reply badFrom = api.get("/api/calendar?from=yesterday", "alice");
        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.json().get("errors").get(0).get("field").asText()).isEqualTo("from");

        ApiClient.Reply tooLong = api.get("/api/calendar?from=2030-01-01&to=2032-01-01", "alice");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asText()).isEqualTo("to");

        assertThat(api.get("/api/calendar?department=radiology", "alice").status()).isEqualTo(400);
        assertThat(api.get("/api/calendar.ics", null).status()).isEqualTo(401);
    }

    @Test
    void aDraftTooLongForXIsRefusedBeforeReviewNamingPlatformAndLimit() {
        ApiClient.Reply refused = api.post("/api/content", "alice", "{\"title\":\"Long\",\"kind\":\"education\","
                + "\"department\":\"cardiology\",\"text\":\"" + "a".repeat(300) + "\",\"platforms\":[\"x\",\"facebook\"],"
                + "\"publishAt\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("text");
        assertThat(refused.json().get("errors").get(0).get("message").asText())
                .isEqualTo("too long for x: 300 characters, at most 280 (each URL counts as 23)");
        assertThat(refused.body()).doesNotContain("aaaa");
    }
}
