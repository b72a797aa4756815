package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.carepost.ApiClient;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drafts for the auditor's list, created once per test JVM through the API and then dated into a period of their own
 * (before every other draft of the database, which the tests do not recreate), so filters on that period see exactly
 * these: 11 cardiology education posts waiting for their reviews, 3 oncology promotions, a testimonial waiting for
 * the patient's authorization, a post whose brand review asked for changes, and two oncology posts 20 and 21 days
 * later (for the period and its time zone).
 */
final class AuditSeed {

    static final int CARDIOLOGY_IN_REVIEW = 11;

    record Seeded(LocalDate base, Map<String, UUID> ids) {

        /** When a seeded draft counts as submitted. */
        static Instant at(LocalDate day, int hour, int minute) {
            return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
        }
    }

    private static Seeded seeded;

    private AuditSeed() {
    }

    /** Seeds once; again if another test class has since ended the seeded drafts' processes. */
    static synchronized Seeded seed(ApiClient api, JdbcTemplate jdbc) {
        if (seeded != null && waitingForAuthorization(jdbc, seeded.ids().get("Testimonial awaiting authorization"))) {
            return seeded;
        }
        Timestamp oldest = jdbc.queryForObject("select min(created_at) from content_item", Timestamp.class);
        LocalDate base = (oldest == null ? Instant.now() : oldest.toInstant()).atZone(ZoneOffset.UTC).toLocalDate()
                .minusDays(60);
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (int i = 1; i <= CARDIOLOGY_IN_REVIEW; i++) {
            ids.put(String.format("Cardiology post %02d", i), draft(api, "alice", String.format("Cardiology post %02d", i),
                    "education", "cardiology", "Flu shots all week in the lobby."));
        }
        for (int i = 1; i <= 3; i++) {
            ids.put("Oncology promotion " + i, draft(api, "omar", "Oncology promotion " + i, "promotion", "oncology",
                    "Free seminar on healthy eating every Friday."));
        }
        ids.put("Testimonial awaiting authorization", draft(api, "alice", "Testimonial awaiting authorization",
                "testimonial", "cardiology", "The care team was wonderful."));
        ids.put("Post with changes requested", draft(api, "alice", "Post with changes requested", "education",
                "cardiology", "Flu shots all week."));
        ids.put("Oncology late 1", draft(api, "omar", "Oncology late 1", "education", "oncology", "Flu shots all week."));
        ids.put("Oncology late 2", draft(api, "omar", "Oncology late 2", "education", "oncology", "Flu shots all week."));

        UUID testimonial = ids.get("Testimonial awaiting authorization");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> waitingForAuthorization(jdbc, testimonial));
        UUID changes = ids.get("Post with changes requested");
        String brandTask = jdbc.queryForObject("select t.id_ from act_ru_task t join act_ru_execution p "
                + "on p.id_ = t.proc_inst_id_ where p.business_key_ = ? and t.task_def_key_ = 'brandReview'", String.class,
                changes.toString());
        ApiClient.Reply decided = api.post("/engine-rest/task/" + brandTask + "/complete", "bria",
                ContentJourneyPostgresTest.decision("changes", "Say where."));
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);

        // Dated: one minute apart on the base day, in the order created; the late ones 20 and 21 days later at 13:00 UTC.
        int minute = 0;
        for (Map.Entry<String, UUID> e : ids.entrySet()) {
            Instant at = e.getKey().equals("Oncology late 1") ? Seeded.at(base.plusDays(20), 13, 0)
                    : e.getKey().equals("Oncology late 2") ? Seeded.at(base.plusDays(21), 13, 0)
                    : Seeded.at(base, 9, minute++);
            jdbc.update("update content_item set created_at = ? where id = ?", Timestamp.from(at), e.getValue());
        }
        seeded = new Seeded(base, ids);
        return seeded;
    }

    private static boolean waitingForAuthorization(JdbcTemplate jdbc, UUID testimonial) {
        return jdbc.queryForObject("select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_ "
                + "where p.business_key_ = ? and t.task_def_key_ = 'recordSignedAuthorization'", Long.class,
                testimonial.toString()) == 1;
    }

    private static UUID draft(ApiClient api, String author, String title, String kind, String department, String text) {
        ApiClient.Reply created = api.post("/api/content", author, "{\"title\":\"" + title + "\",\"kind\":\"" + kind
                + "\",\"department\":\"" + department + "\",\"text\":\"" + text + "\",\"platforms\":[\"linkedin\"],"
                + "\"publishAt\":\"" + Instant.now().plus(Duration.ofDays(30)) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asText());
    }
}
