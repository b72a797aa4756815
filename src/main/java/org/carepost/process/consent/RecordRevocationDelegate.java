package org.carepost.process.consent;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.carepost.consent.Revocation;
import org.carepost.review.SegregationOfDutiesException;
import org.springframework.stereotype.Component;

/**
 * "Record revocation, stop drafts, take posts down": the Tasklist twin of POST /api/consents/{id}/revocation.
 * Refusals are 400s for the form; nothing is recorded then.
 */
@Component
public class RecordRevocationDelegate implements JavaDelegate {

    private final ConsentRevocationWorkflow revocations;

    public RecordRevocationDelegate(ConsentRevocationWorkflow revocations) {
        this.revocations = revocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains("privacy")) {
            throw new SegregationOfDutiesException("Only the privacy office records a revocation.");
        }
        UUID consentId;
        try {
            consentId = UUID.fromString(String.valueOf(execution.getVariable("consentId")).strip());
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("consentId must be the id of a recorded authorization.");
        }
        Revocation.Channel via;
        try {
            via = Revocation.Channel.valueOf(String.valueOf(execution.getVariable("requestedVia")).strip()
                    .toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("requestedVia must say how the patient asked to revoke.");
        }
        LocalDate receivedOn = null;
        Object received = execution.getVariable("receivedOn");
        if (received != null && !received.toString().isBlank()) {
            try {
                receivedOn = LocalDate.parse(received.toString().strip());
            } catch (DateTimeParseException e) {
                throw new BadUserRequestException("receivedOn must be a date like 2026-12-01.");
            }
        }
        Object note = execution.getVariable("note");
        ConsentRevocationWorkflow.Enforcement done;
        try {
            done = revocations.revoke(consentId, via, receivedOn, note == null ? null : note.toString(), user.getUserId());
        } catch (RuntimeException e) {
            // Not found, already ended, invalid: the consent feature's messages name ids only.
            throw new BadUserRequestException(e.getMessage(), e);
        }
        execution.removeVariable("note"); // the note lives in our table
        execution.setVariable("stoppedDrafts", done.stopped().size());
        execution.setVariable("takenDownPosts", done.takenDown().size());
    }
}
