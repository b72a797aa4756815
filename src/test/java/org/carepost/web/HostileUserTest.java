package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The holes of issue #14, each reproduced as it was found, through /engine-rest (HTTP Basic) and through the
 * webapps' REST (/camunda/api/engine/engine/default/..., a webapp login and its CSRF token): each now fails safely
 * and changes nothing.
 */
@PostgresApplicationTest
class HostileUserTest {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    // 1. Any author restarted anyone's draft with a business key of their choosing.

    @Test
    void noUserStartsAProcessOnAnExistingDraftByNamingItsBusinessKey() {
        String id = rejectedDraftOfAlice("No.");
        String hijack = "{\"businessKey\":\"" + id + "\",\"variables\":{\"publishAt\":{\"value\":\""
                + Instant.now().plusSeconds(5) + "\"}}}";
        WebappSession omar = new WebappSession(port);
        assertThat(omar.login("omar").status()).isEqualTo(200);
        List<ApiClient.Reply> attempts = List.of(
                api.post("/engine-rest/process-definition/key/content-approval/submit-form", "omar", hijack),
                omar.webappsSend("POST", WebappSession.ENGINE_API + "/process-definition/key/content-approval/submit-form",
                        hijack),
                // Not even the author, for her own draft: a process runs on a draft only by CarePost's own paths.
                api.post("/engine-rest/process-definition/key/content-approval/submit-form", "alice", hijack));
        for (ApiClient.Reply attempt : attempts) {
            assertThat(attempt.status()).as(attempt.body()).isEqualTo(403);
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
        assertThat(api.get("/api/content/" + id, "alice").json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(jdbc.queryForList("select actor from audit_event where action = 'start-refused' and content_id = ?::uuid"
                + " order by seq", String.class, id)).containsExactly("omar", "omar", "alice");
    }

    // 7. A review comment came out of the audit CSV as a formula cell.

    @Test
    void theAuditCsvNeutralisesFormulaCellsWithoutLosingThem() throws Exception {
        String formula = "=cmd|' /C calc'!A0";
        String id = rejectedDraftOfAlice(formula);
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        ApiClient.Reply csv = api.get("/api/audit/export.csv?from=" + day + "&to=" + day, "audrey");
        assertThat(csv.status()).isEqualTo(200);
        var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader()).readValues(csv.body())) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows.stream().filter(r -> id.equals(r.get("contentId"))).map(r -> r.get("comment"))
                .filter(c -> c.contains("cmd|"))).containsExactly("'" + formula);
        // The JSON export keeps the comment as recorded.
        JsonNode json = api.get("/api/audit/export.json?from=" + day + "&to=" + day, "audrey").json();
        assertThat(json.findValuesAsText("comment")).contains(formula);
    }

    /** Alice's draft, rejected by legal: the state in which the hijacked draft was found. */
    private String rejectedDraftOfAlice(String comment) {
        ApiClient.Reply created = api.post("/api/content", "alice", ContentJourneyPostgresTest.draft("Flu shots all week.",
                "[\"linkedin\"]", Instant.now().plusSeconds(86_400)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String pid = created.json().get("processInstanceId").asText();
        JsonNode tasks = api.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=legalReview", "lee").json();
        assertThat(tasks).hasSize(1);
        ApiClient.Reply rejected = api.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete", "lee",
                ContentJourneyPostgresTest.decision("reject", comment));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(204);
        assertThat(api.get("/api/content/" + id, "alice").json().get("status").asText()).isEqualTo("REJECTED");
        return id;
    }

}
