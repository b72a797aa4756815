package org.carepost.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auditor's page of model versions, from audit events as the start-up deployment and the model-change process
 * write them: the start-up deployment, a proposal approved and in force, one rejected by its reviewer, one refused
 * by the automatic checks and one awaiting approval; for auditors only.
 */
@PostgresApplicationTest
class ModelPagePostgresTest {

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final String HASH_A = "a1".repeat(32);
    private static final String HASH_B = "b2".repeat(32);
    private static final String HASH_C = "c3".repeat(32);

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Autowired
    PlatformTransactionManager transactions;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private void record(String actor, AuditAction action, String deployment, String decision, String comment) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> audit.record(
                AuditEntry.of(actor, action, null, null).withDecision(decision, comment).inProcess(deployment, null)));
    }

    @Test
    void anAuditorSeesEveryVersionWhoProposedAndApprovedItAndItsStatus() {
        String startUp = "startup-" + RUN;
        String approved = "approved-" + RUN;
        String rejected = "rejected-" + RUN;
        String refused = "refused-" + RUN;
        String waiting = "waiting-" + RUN;
        record("system (start-up deployment)", AuditAction.MODELS_DEPLOYED, startUp, "deployed", "deployment " + startUp
                + " at 2026-12-01T08:00:00Z: content-approval.bpmn sha256 " + HASH_A + "; review-routing.dmn sha256 " + HASH_B);
        record("cora", AuditAction.MODEL_PROPOSED, approved, null, "review-routing.dmn sha256 " + HASH_C);
        record("system (automatic checks)", AuditAction.MODEL_CHECKED, approved, "passed", "parses: every model parses");
        record("pat", AuditAction.MODEL_APPROVED, approved, null, "SLA of crisis reviews agreed with privacy");
        record("system", AuditAction.MODEL_ACTIVATED, approved, null, "activated as deployment new-" + RUN
                + ": review-routing.dmn sha256 " + HASH_C);
        record("cora", AuditAction.MODEL_PROPOSED, rejected, null, "privacy-review.form sha256 " + HASH_A);
        record("system (automatic checks)", AuditAction.MODEL_CHECKED, rejected, "passed", "all passed");
        record("pat", AuditAction.MODEL_REJECTED, rejected, null, "the new field asks for a diagnosis");
        record("cora", AuditAction.MODEL_PROPOSED, refused, null, "content-approval.bpmn sha256 " + HASH_B);
        record("system (automatic checks)", AuditAction.MODEL_CHECKED, refused, "failed",
                "FAILED phi-scan-on-every-path: path Draft submitted -> Publish to platforms skips the PHI scan");
        // A long list of findings comes in several events.
        record("system (automatic checks)", AuditAction.MODEL_CHECKED, refused, "failed",
                "FAILED candidate-groups: user task Review legal risk (legalReview) goes to group \"marketing\"");
        record("system (automatic checks)", AuditAction.MODEL_REJECTED, refused, null, "refused by the automatic checks");
        record("cora", AuditAction.MODEL_PROPOSED, waiting, null, "new-draft.form sha256 " + HASH_C);
        record("system (automatic checks)", AuditAction.MODEL_CHECKED, waiting, "passed", "all passed");

        ApiClient.Reply page = api.get("/audit/models", "audrey");

        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(row(body, startUp)).contains("content-approval.bpmn", HASH_A.substring(0, 12), "review-routing.dmn",
                "title=\"" + HASH_B + "\"", "CarePost (start-up deployment)", "deployed at start-up");
        assertThat(row(body, approved)).contains("Cora Lindqvist (compliance lead)", "Pat Kim (privacy officer)",
                "SLA of crisis reviews agreed with privacy", "in force as new-" + RUN, "approved and in force",
                HASH_C.substring(0, 12), "passed");
        assertThat(row(body, rejected)).contains("Pat Kim (privacy officer)", "the new field asks for a diagnosis",
                "<td class=\"status\">rejected</td>");
        assertThat(row(body, refused)).contains("failed", "skips the PHI scan", "goes to group &quot;marketing&quot;",
                "the automatic checks",
                "<td class=\"status\">refused by checks</td>");
        assertThat(row(body, waiting)).contains("Cora Lindqvist (compliance lead)",
                "<td class=\"status\">awaiting approval</td>");
        // Newest first.
        assertThat(body.indexOf("data-deployment=\"" + waiting + "\"")).isLessThan(body.indexOf("data-deployment=\"" + startUp + "\""));
        assertThat(api.get("/audit", "audrey").body()).contains("href=\"/audit/models\"");
        assertThat(api.get("/audit/offboarding", "audrey").body()).contains("href=\"/audit/models\"");
    }

    @Test
    void onlyAuditorsMayOpenIt() {
        for (String user : List.of("cora", "pat", "alice", "otto", "admin")) {
            assertThat(api.get("/audit/models", user).status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("/audit/models", null).status()).isEqualTo(401);
    }

    /** The page's row of one deployment. */
    private static String row(String body, String deployment) {
        int start = body.indexOf("<tr data-deployment=\"" + deployment + "\"");
        assertThat(start).as(deployment).isPositive();
        return body.substring(start, body.indexOf("</tr>", start));
    }
}
