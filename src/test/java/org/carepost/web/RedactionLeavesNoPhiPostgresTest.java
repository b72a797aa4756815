package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.WebappSession;
import org.carepost.content.ContentService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 item 3: a testimonial names its patient, her medical record number and her phone; the privacy office
 * redacts all three in Tasklist and the author rewrites the text. Then every table of the database (ours and Camunda's,
 * byte arrays included) and every REST response another user can reach are searched for the three: nothing outside
 * the privacy-only version store (the versions the redaction was made from, and their renderings). The privacy group
 * still reads them there, auditors only through the explicit, audited "show unredacted".
 */
@PostgresApplicationTest
class RedactionLeavesNoPhiPostgresTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    ContentService contents;

    @Test
    void afterRedactionTheRedactedWordsAreNowhereButInThePrivacyOnlyVersionStore() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // Unique to this run: the database is shared with earlier runs and other tests.
        String surname = "Vanderho" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26)) + "ek";
        String mrn = String.valueOf(random.nextLong(10_000_000L, 99_999_999L));
        String phone = "503-555-" + random.nextInt(1000, 9999);
        String text = "My name is Ottilie " + surname + ", MRN " + mrn + ". After my bypass I walk every day. Call me at "
                + phone + " if you want to walk with me.";
        ApiClient api = new ApiClient(port);
        ApiClient.Reply created = api.post("/api/content", "alice", "{\"title\":\"A walk a day\",\"kind\":\"testimonial\","
                + "\"department\":\"cardiology\",\"text\":\"" + text + "\",\"platforms\":[\"facebook\"],\"publishAt\":\""
                + Instant.now().plusSeconds(86_400) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asText());
        String businessKey = id.toString();

        // The privacy office decides in Tasklist (the webapps' REST API, as Tasklist submits the form).
        JsonNode findings = api.get("/api/content/" + id + "/findings", "pat").json();
        assertThat(findings.findValuesAsText("type")).contains("NAME", "MRN", "PHONE");
        WebappSession pat = new WebappSession(port);
        pat.login("pat");
        StringBuilder decisions = new StringBuilder("{\"variables\":{");
        int slot = 0;
        for (JsonNode finding : findings) {
            slot++;
            decisions.append(slot > 1 ? "," : "").append("\"phiFinding").append(slot).append("\":{\"value\":\"")
                    .append(finding.get("id").asText()).append("\"},\"phiDecision").append(slot)
                    .append("\":{\"value\":\"redact\"}");
        }
        decisions.append("}}");
        ApiClient.Reply resolved = pat.webappsSend("POST", WebappSession.ENGINE_API + "/task/" + taskId(businessKey,
                "resolvePhi") + "/submit-form", decisions.toString());
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(204);

        // The author rewrites the redacted text, in Tasklist too.
        WebappSession alice = new WebappSession(port);
        alice.login("alice");
        ApiClient.Reply revised = alice.webappsSend("POST", WebappSession.ENGINE_API + "/task/" + taskId(businessKey,
                "reviseDraft") + "/submit-form", "{\"variables\":{\"revisedText\":{\"value\":\"After my bypass I walk "
                + "every day. Come and walk with us at the heart center.\"}}}");
        assertThat(revised.status()).as(revised.body()).isEqualTo(204);
        // A testimonial: consent capture starts (its request letter is rendered from the current text).
        await().atMost(Duration.ofSeconds(30)).until(() -> taskIdOrNull(businessKey, "recordSignedAuthorization") != null);
        assertThat(contents.currentVersion(id).getVersionNo()).isEqualTo(3);

        List<String> secrets = List.of(surname, mrn, phone);
        assertThat(hitsOutsideTheVersionStore(id, secrets)).as("tables holding the redacted words").isEmpty();

        // What other users can reach, through our API, the auditor's pages and Camunda's REST APIs.
        String pid = contents.get(id).getProcessInstanceId();
        List<String[]> reachable = new ArrayList<>();
        for (String user : List.of("alice", "lee", "bria", "carl", "olga", "audrey")) {
            reachable.add(new String[] {user, "/api/content/" + id});
        }
        String today = LocalDate.now().toString();
        String tomorrow = LocalDate.now().plusDays(1).toString();
        for (String path : List.of("/api/audit/content/" + id, "/api/audit/export.json?from=" + today + "&to=" + tomorrow,
                "/api/audit/export.csv?from=" + today + "&to=" + tomorrow, "/audit/content/" + id, "/audit",
                "/engine-rest/process-instance/" + pid + "/variables?deserializeValues=false",
                "/engine-rest/variable-instance?processInstanceIdIn=" + pid + "&deserializeValues=false",
                "/engine-rest/history/variable-instance?processInstanceId=" + pid + "&deserializeValues=false",
                "/engine-rest/history/detail?processInstanceId=" + pid + "&deserializeValues=false",
                "/engine-rest/history/variable-instance?variableName=draftView&deserializeValues=false",
                "/engine-rest/history/user-operation?processInstanceId=" + pid,
                "/api/calendar.ics", "/api/publications")) {
            reachable.add(new String[] {"audrey", path});
        }
        for (String[] request : reachable) {
            ApiClient.Reply reply = api.get(request[1], request[0]);
            assertThat(reply.status()).as(request[0] + " " + request[1] + ": " + reply.body()).isEqualTo(200);
            for (String secret : secrets) {
                assertThat(reply.body()).as(request[0] + " " + request[1]).doesNotContain(secret);
            }
        }
        // In Tasklist: the open task's form variables (the privacy office's own task, the text as it is now).
        ApiClient.Reply form = pat.get(WebappSession.ENGINE_API + "/task/" + taskId(businessKey,
                "recordSignedAuthorization") + "/form-variables?deserializeValues=false");
        assertThat(form.status()).isEqualTo(200);
        secrets.forEach(secret -> assertThat(form.body()).doesNotContain(secret));

        // The privacy office still reads the original; an auditor only by asking explicitly, and that is audited.
        JsonNode asPrivacy = api.get("/api/content/" + id, "pat").json().get("versions");
        assertThat(asPrivacy.get(0).get("text").asText()).contains(surname, mrn, phone);
        JsonNode asLegal = api.get("/api/content/" + id, "lee").json().get("versions");
        assertThat(asLegal.get(0).get("text").isNull()).isTrue();
        assertThat(asLegal.get(0).get("redacted").asBoolean()).isTrue();
        assertThat(asLegal.get(2).get("text").asText()).startsWith("After my bypass");
        assertThat(api.post("/api/audit/content/" + id + "/versions/1/unredacted", "lee", "").status()).isEqualTo(403);
        long shownBefore = shownUnredacted(id);
        ApiClient.Reply shown = api.post("/api/audit/content/" + id + "/versions/1/unredacted", "audrey", "");
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().get("text").asText()).contains(surname);
        assertThat(shownUnredacted(id)).isEqualTo(shownBefore + 1);
    }

    private long shownUnredacted(UUID id) {
        return jdbc.queryForObject("select count(*) from audit_event where content_id = ? and action = 'show-unredacted'"
                + " and actor = 'audrey'", Long.class, id);
    }

    /**
     * Every text and binary column of every table in the schema, searched for each secret; the privacy-only version
     * store (this draft's versions up to the last one a redaction was made from, and their renderings) left out.
     */
    private List<String> hitsOutsideTheVersionStore(UUID id, List<String> secrets) {
        int redactedThrough = jdbc.queryForObject("select max(version_no) from phi_finding where content_id = ? and "
                + "status = 'REDACTED'", Integer.class, id);
        List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name, data_type from "
                + "information_schema.columns where table_schema = current_schema() and data_type in "
                + "('character varying', 'text', 'character', 'bytea') and table_name not like 'flyway%'");
        assertThat(columns).hasSizeGreaterThan(100); // Camunda's tables and ours
        List<String> hits = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            boolean binary = "bytea".equals(column.get("data_type"));
            String store = switch (table) {
                case "content_version", "content_rendering" -> " and not (content_id = '" + id
                        + "' and version_no <= " + redactedThrough + ")";
                default -> "";
            };
            for (String secret : secrets) {
                String match = binary ? "position(convert_to(?, 'UTF8') in \"" + name + "\") > 0"
                        : "\"" + name + "\" like '%' || ? || '%'";
                Long count = jdbc.queryForObject("select count(*) from \"" + table + "\" where " + match + store,
                        Long.class, secret);
                if (count != null && count > 0) {
                    hits.add(table + "." + name + " (" + count + ")");
                }
            }
        }
        // The store itself does hold them (so the search would find them).
        assertThat(jdbc.queryForObject("select count(*) from content_version where content_id = ? and body like ?",
                Long.class, id, "%" + secrets.get(0) + "%")).isEqualTo(1);
        return hits;
    }

    private String taskId(String businessKey, String taskKey) {
        String id = taskIdOrNull(businessKey, taskKey);
        assertThat(id).as(taskKey).isNotNull();
        return id;
    }

    private String taskIdOrNull(String businessKey, String taskKey) {
        var task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
                .singleResult();
        return task == null ? null : task.getId();
    }
}
