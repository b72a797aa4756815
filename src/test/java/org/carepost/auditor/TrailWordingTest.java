package org.carepost.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditRecord;
import org.junit.jupiter.api.Test;

/** Every audit action reads as a sentence on an auditor's trail, not as its code. */
class TrailWordingTest {

    private static AuditRecord event(AuditAction action, String decision, String comment) {
        return new AuditRecord(1, Instant.EPOCH, "pat", action.code(), null, null, null, decision, comment, null, null,
                null, null);
    }

    @Test
    void everyActionHasItsOwnWording() {
        for (AuditAction action : AuditAction.values()) {
            String sentence = TrailWording.ours(event(action, "passed", null), "Pat Kim", new HashMap<>(), new HashMap<>());
            // The fallback for an action nobody worded is "Pat Kim: <code> ...".
            assertThat(sentence).as(action.code()).startsWith("Pat Kim").doesNotStartWith("Pat Kim: ");
        }
    }

    @Test
    void modelChangesAreWordedWithTheirOutcome() {
        assertThat(TrailWording.ours(event(AuditAction.MODEL_CHECKED, "failed", "phi-scan-on-every-path: path ..."),
                "CarePost", new HashMap<>(), new HashMap<>()))
                .isEqualTo("CarePost refused a model change in the automatic checks: \u201Cphi-scan-on-every-path: path ...\u201D");
        assertThat(TrailWording.ours(event(AuditAction.MODEL_APPROVED, null, "looks right"), "Cora Diaz", new HashMap<>(), new HashMap<>()))
                .isEqualTo("Cora Diaz approved a model change as the second person: \u201Clooks right\u201D");
    }
}
