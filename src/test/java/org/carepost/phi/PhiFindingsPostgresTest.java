package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.audit.AuditEvent;
import org.carepost.audit.AuditEvents;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.carepost.content.NewContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** PHI findings on real PostgreSQL: the scan service, redaction into a new version, and the REST endpoints. */
@PostgresApplicationTest
class PhiFindingsPostgresTest {

    private static final String TEXT = "Thank you to the team who cared for Emma Okonkwo after her surgery on March 3, 2024. "
            + "Her MRN 48213377 was on every form.";

    @LocalServerPort
    int port;

    @Autowired
    PhiScanService scans;

    @Autowired
    ContentService contents;

    @Autowired
    AuditEvents auditEvents;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void scanStoresRangesAndRedactionMakesATypedPlaceholderVersion() {
        UUID id = draft(TEXT);
        int open = scans.scan(id);
        List<PhiFinding> found = scans.currentFindings(id);
        assertThat(open).isEqualTo(found.size()).isGreaterThanOrEqualTo(3);
        assertThat(found).extracting(PhiFinding::getType).contains(PhiType.NAME, PhiType.DATE, PhiType.MRN);
        PhiFinding name = found.stream().filter(f -> f.getType() == PhiType.NAME).findFirst().orElseThrow();
        assertThat(TEXT.substring(name.getStart(), name.getEnd())).isEqualTo("Emma Okonkwo");
        // scanning the same version again stores nothing new
        assertThat(scans.scan(id)).isEqualTo(open);
        assertThat(scans.currentFindings(id)).hasSize(found.size());

        // the date covered first, then redact the name: the covered finding moves to the new version, still covered
        PhiFinding date = found.stream().filter(f -> f.getType() == PhiType.DATE).findFirst().orElseThrow();
        PhiFinding mrn = found.stream().filter(f -> f.getType() == PhiType.MRN).findFirst().orElseThrow();
        scans.markCovered(id, List.of(date.getId()), "pat", Set.of("privacy"));
        ContentVersion v2 = scans.redact(id, List.of(name.getId()), "pat", Set.of("privacy"));
        assertThat(v2.getVersionNo()).isEqualTo(2);
        assertThat(v2.getAuthor()).isEqualTo("pat");
        assertThat(v2.getBody()).contains("cared for [NAME] after").doesNotContain("Emma");
        List<PhiFinding> moved = scans.currentFindings(id);
        PhiFinding movedDate = moved.stream().filter(f -> f.getType() == PhiType.DATE).findFirst().orElseThrow();
        assertThat(movedDate.getStatus()).isEqualTo(PhiFindingStatus.COVERED_BY_AUTHORIZATION);
        assertThat(v2.getBody().substring(movedDate.getStart(), movedDate.getEnd())).isEqualTo("March 3, 2024");
        // the re-scan keeps the covered finding and does not flag the placeholder
        assertThat(scans.scan(id)).isEqualTo(1); // the MRN is still open
        assertThat(scans.currentFindings(id)).noneMatch(f -> f.getType() == PhiType.NAME);
        PhiFinding movedMrn = scans.openFindings(id).get(0);
        assertThat(movedMrn.getType()).isEqualTo(PhiType.MRN);

        List<AuditEvent> events = auditEvents.ofContent(id);
        assertThat(events).extracting(e -> e.getAction()).contains("redact", "phi-covered");
        assertThat(events).allSatisfy(e -> assertThat(String.valueOf(e.getComment())).doesNotContain("Emma", "48213377"));

        // only the privacy group resolves; a finding of an older version or an already resolved one is refused by id
        assertThatThrownBy(() -> scans.markCovered(id, List.of(movedMrn.getId()), "lee", Set.of("legal")))
                .isInstanceOf(PhiForbiddenException.class);
        assertThatThrownBy(() -> scans.redact(id, List.of(name.getId()), "pat", Set.of("privacy")))
                .isInstanceOf(PhiResolutionException.class).hasMessageContaining(String.valueOf(name.getId()))
                .hasMessageNotContaining("Emma");
        assertThatThrownBy(() -> scans.markCovered(id, List.of(movedDate.getId()), "pat", Set.of("privacy")))
                .isInstanceOf(PhiResolutionException.class)
                .hasMessage("Finding " + movedDate.getId() + " was already covered by the patient's authorization.");
        // an MRN is no authorization's to cover
        assertThatThrownBy(() -> scans.markCovered(id, List.of(movedMrn.getId()), "pat", Set.of("privacy")))
                .isInstanceOf(PhiDecisionException.class).hasMessageContaining("cannot cover");
    }

    @Test
    void notPhiDecisionsAreStoredAuditedAndExportedAndTitlesAreScanned() {
        UUID id = contents.create(new NewContent("Welcome home Emma Okonkwo", "education", "cardiology",
                "Questions about the heart fair? Our new line is 312-555-0188. " + TEXT, List.of("facebook"),
                Instant.now().plusSeconds(3600).toString()), "alice", Set.of("authors", "dept-cardiology")).getId();
        scans.scan(id);
        String path = "/api/content/" + id + "/findings";
        JsonNode list = api.get(path, "pat").json();
        JsonNode title = null;
        JsonNode phone = null;
        JsonNode mrn = null;
        for (JsonNode f : list) {
            if (f.get("field").asText().equals("TITLE")) {
                title = f;
            } else if (f.get("type").asText().equals("PHONE")) {
                phone = f;
            } else if (f.get("type").asText().equals("MRN")) {
                mrn = f;
            }
        }
        assertThat(list.get(0)).isEqualTo(title); // the title's findings come first
        assertThat(title.get("type").asText()).isEqualTo("NAME");
        assertThat(title.get("context").asText()).isEqualTo("Welcome home «Emma Okonkwo»");
        assertThat(title.get("coverable").asBoolean()).isTrue();
        assertThat(mrn.get("coverable").asBoolean()).isFalse();

        ApiClient.Reply noReason = api.post(path + "/resolution", "pat",
                "{\"findingIds\":[" + phone.get("id") + "],\"action\":\"not-phi\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("problems").get(0).asText()).startsWith("Finding " + phone.get("id").asText()
                + " (a phone number in the text): give a short reason");
        ApiClient.Reply coveredMrn = api.post(path + "/resolution", "pat",
                "{\"decisions\":[{\"findingId\":" + mrn.get("id") + ",\"action\":\"covered\"}]}");
        assertThat(coveredMrn.status()).isEqualTo(400);
        assertThat(coveredMrn.body()).contains("cannot cover").doesNotContain("48213377");

        ApiClient.Reply done = api.post(path + "/resolution", "pat", "{\"decisions\":["
                + "{\"findingId\":" + phone.get("id") + ",\"action\":\"not-phi\",\"reason\":\"the heart fair's public line\"},"
                + "{\"findingId\":" + title.get("id") + ",\"action\":\"redact\"},"
                + "{\"findingId\":" + mrn.get("id") + ",\"action\":\"redact\"}]}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("currentVersionNo").asInt()).isEqualTo(2);
        assertThat(contents.get(id).getTitle()).isEqualTo("Welcome home [NAME]");
        assertThat(contents.versions(id).get(0).getTitle()).isEqualTo("Welcome home Emma Okonkwo");
        assertThat(contents.currentVersion(id).getBody()).doesNotContain("48213377");

        JsonNode after = api.get(path, "pat").json();
        JsonNode dismissed = null;
        for (JsonNode f : after) {
            if (f.get("type").asText().equals("PHONE")) {
                dismissed = f;
            }
        }
        assertThat(dismissed.get("status").asText()).isEqualTo("DISMISSED_NOT_PHI");
        assertThat(dismissed.get("reason").asText()).isEqualTo("the heart fair's public line");
        assertThat(dismissed.get("carriedFrom").asLong()).isEqualTo(phone.get("id").asLong());
        assertThat(dismissed.get("resolvedBy").asText()).isEqualTo("pat");

        List<AuditEvent> events = auditEvents.ofContent(id);
        AuditEvent dismissal = events.stream().filter(e -> e.getAction().equals("phi-dismissed")).findFirst()
                .orElseThrow();
        assertThat(dismissal.getActor()).isEqualTo("pat");
        assertThat(dismissal.getComment()).contains("PHONE", "the heart fair's public line").doesNotContain("312-555");
        assertThat(events).allSatisfy(e -> assertThat(String.valueOf(e.getComment()))
                .doesNotContain("Emma", "48213377", "312-555-0188"));

        ApiClient.Reply scrape = api.get("/actuator/prometheus", "otto");
        assertThat(scrape.body()).containsPattern("carepost_phi_findings_dismissed_total\\{[^}]*type=\"PHONE\"[^}]*} [1-9]");
    }

    @Test
    void findingsEndpointsArePrivacyOnlyAndNeverEchoPhiInErrors() {
        ApiClient.Reply created = api.post("/api/content", "alice", "{\"title\":\"Thanks\",\"kind\":\"testimonial\","
                + "\"department\":\"cardiology\",\"text\":\"" + TEXT + "\",\"platforms\":[\"facebook\"],"
                + "\"publishAt\":\"" + Instant.now().plusSeconds(3600) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String pid = created.json().get("processInstanceId").asText();
        // the process scanned the draft and waits for the privacy reviewer
        ApiClient.Reply tasks = api.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=resolvePhi", "pat");
        assertThat(tasks.json()).hasSize(1);

        assertThat(api.get("/api/content/" + id + "/findings", "alice").status()).isEqualTo(403);
        assertThat(api.get("/api/content/" + id + "/findings", "lee").status()).isEqualTo(403);
        assertThat(api.get("/api/content/" + UUID.randomUUID() + "/findings", "pat").status()).isEqualTo(404);
        ApiClient.Reply list = api.get("/api/content/" + id + "/findings", "pat");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        Long nameId = null;
        for (JsonNode f : list.json()) {
            ids.add(f.get("id").asLong());
            assertThat(f.get("status").asText()).isEqualTo("OPEN");
            assertThat(f.get("versionNo").asInt()).isEqualTo(1);
            if (f.get("type").asText().equals("NAME")) {
                nameId = f.get("id").asLong();
                assertThat(f.get("context").asText()).contains("«Emma Okonkwo»");
            }
        }
        assertThat(nameId).isNotNull();

        String path = "/api/content/" + id + "/findings/resolution";
        ApiClient.Reply forbidden = api.post(path, "lee", "{\"findingIds\":[" + nameId + "],\"action\":\"redact\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        ApiClient.Reply badAction = api.post(path, "pat", "{\"findingIds\":[" + nameId + "],\"action\":\"burn\"}");
        assertThat(badAction.status()).isEqualTo(400);
        assertThat(badAction.body()).contains("action").doesNotContain("Emma", "burn");
        assertThat(api.post(path, "pat", "{\"findingIds\":[],\"action\":\"redact\"}").status()).isEqualTo(400);
        assertThat(api.post(path, "pat", "{\"findingIds\":\"Emma Okonkwo\",\"action\":\"redact\"}").body())
                .doesNotContain("Emma");
        ApiClient.Reply unknown = api.post(path, "pat", "{\"findingIds\":[987654321],\"action\":\"covered\"}");
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.body()).contains("987654321").doesNotContain("Emma");
        assertThat(api.post("/api/content/" + UUID.randomUUID() + "/findings/resolution", "pat",
                "{\"findingIds\":[1],\"action\":\"covered\"}").status()).isEqualTo(404);

        ApiClient.Reply redacted = api.post(path, "pat", "{\"findingIds\":[" + nameId + "],\"action\":\"redact\"}");
        assertThat(redacted.status()).as(redacted.body()).isEqualTo(200);
        assertThat(redacted.json().get("currentVersionNo").asInt()).isEqualTo(2);
        ApiClient.Reply again = api.post(path, "pat", "{\"findingIds\":[" + nameId + "],\"action\":\"redact\"}");
        assertThat(again.status()).isEqualTo(409);

        // the MRN cannot be covered by an authorization: redacted; the date is
        long mrnId = 0;
        for (JsonNode f : api.get("/api/content/" + id + "/findings", "pat").json()) {
            if (f.get("type").asText().equals("MRN")) {
                mrnId = f.get("id").asLong();
            }
        }
        assertThat(api.post(path, "pat", "{\"findingIds\":[" + mrnId + "],\"action\":\"redact\"}").status())
                .isEqualTo(200);
        // the task cannot be completed while findings are open; "covered" for the rest lets it go on to the reviews
        String taskId = api.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=resolvePhi", "pat")
                .json().get(0).get("id").asText();
        ApiClient.Reply refused = api.post("/engine-rest/task/" + taskId + "/complete", "pat", "{}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("48213377");
        ApiClient.Reply done = api.post("/engine-rest/task/" + taskId + "/complete", "pat",
                org.carepost.TasklistForms.everyOpenFinding(api, id.toString(), "covered"));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        // The redacted text ("[NAME]", "[MRN]") goes back to its author before anything else (issue 20); the
        // patient's authorization for the covered date is asked for once the rewrite is clean.
        assertThat(api.get("/engine-rest/task?processInstanceBusinessKey=" + id
                + "&taskDefinitionKey=reviseDraft", "alice").json()).hasSize(1);
        JsonNode content = api.get("/api/content/" + id, "pat").json();
        assertThat(content.get("currentVersionNo").asInt()).isEqualTo(3);
    }

    @Test
    void camundaUsersAreStaffNotPatients() {
        UUID id = draft("Lee Chen and Pat Kim from our privacy office met with Maria Lopez today.");
        scans.scan(id);
        String text = contents.currentVersion(id).getBody();
        assertThat(scans.currentFindings(id)).extracting(f -> text.substring(f.getStart(), f.getEnd()))
                .containsExactly("Maria Lopez");
    }

    /** Issue #14 item 4: a title with a patient's name and MRN was shown to every user in the calendar. */
    @Test
    void aTitleWithPhiIsScannedWithheldFromTheCalendarAndRedactedLikeTheText() {
        ApiClient.Reply created = api.post("/api/content", "alice", "{\"title\":\"Welcome home Emma Okonkwo, MRN 48213377\","
                + "\"kind\":\"education\",\"department\":\"cardiology\",\"text\":\"Flu shots all week.\","
                + "\"platforms\":[\"facebook\"],\"publishAt\":\"" + Instant.now().plusSeconds(7200) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        JsonNode findings = api.get("/api/content/" + id + "/findings", "pat").json();
        List<Long> titleFindings = new ArrayList<>();
        for (JsonNode f : findings) {
            assertThat(f.get("field").asText()).isEqualTo("TITLE");
            titleFindings.add(f.get("id").asLong());
        }
        assertThat(titleFindings).hasSize(2);

        String calendar = api.get("/api/calendar", "lee").body();
        String ics = api.get("/api/calendar.ics", "omar").body();
        assertThat(calendar).contains(id, "title withheld").doesNotContain("Okonkwo", "48213377");
        assertThat(ics).doesNotContain("Okonkwo", "48213377");

        ApiClient.Reply redacted = api.post("/api/content/" + id + "/findings/resolution", "pat",
                "{\"findingIds\":" + titleFindings + ",\"action\":\"redact\"}");
        assertThat(redacted.status()).as(redacted.body()).isEqualTo(200);
        assertThat(api.get("/api/calendar", "lee").body()).contains("Welcome home [NAME], MRN [MRN]")
                .doesNotContain("Okonkwo");
        assertThat(contents.versions(UUID.fromString(id)).get(0).getTitle()).contains("Okonkwo"); // privacy's store
    }

    private UUID draft(String text) {
        return contents.create(new NewContent("Thanks", "testimonial", "cardiology", text, List.of("facebook"),
                Instant.now().plusSeconds(3600).toString()), "alice", Set.of("authors", "dept-cardiology")).getId();
    }
}
