package org.carepost.process.approval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carepost.phi.FindingDecision;
import org.carepost.phi.PhiDecisionException;
import org.carepost.phi.PhiForbiddenException;
import org.carepost.phi.PhiScanService;
import org.carepost.tasklist.DraftViews;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;
import org.carepost.process.forms.FormRefusal;

/**
 * "Decide on each patient detail" (privacy group). The form shows the open findings of the current version in
 * numbered slots ({@code draftView.s1} ...), each with its own decision: redact / covered by the authorization (offered
 * for coverable types only) / not PHI with a reason. Tasklist submits {@code phiFinding<n>} (the finding the slot
 * showed), {@code phiDecision<n>} and {@code phiReason<n>}. On complete they are applied together
 * ({@link PhiScanService#resolve}: all or nothing), so a decision can be changed in the form until then; a refusal is a
 * sentence on the form ({@link FormRefusal}) and changes nothing. The fields are removed from the process afterwards.
 */
@Component
public class ResolvePhiTaskListener implements TaskListener {

    public static final String FINDING = "phiFinding";
    public static final String DECISION = "phiDecision";
    public static final String REASON = ProcessVariables.PHI_REASON_PREFIX;

    private final PhiScanService scans;

    public ResolvePhiTaskListener(PhiScanService scans) {
        this.scans = scans;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        UUID contentId = ProcessVariables.contentId(task);
        String actor = ProcessVariables.currentUser(task);
        Set<String> groups = new HashSet<>(ProcessVariables.currentGroups(task));
        if (actor == null || !groups.contains(PhiScanService.PRIVACY_GROUP)) {
            throw new PhiForbiddenException("Only the privacy group resolves PHI findings.");
        }
        List<FindingDecision> decisions = decisions(task);
        int open = decisions.isEmpty() ? scans.openFindings(contentId).size() : 0;
        if (open > 0) {
            throw new FormRefusal("Your decision: choose one for every detail listed before you complete the task ("
                    + open + " without a decision).");
        }
        if (!decisions.isEmpty()) {
            try {
                scans.resolve(contentId, decisions, actor, groups);
            } catch (PhiDecisionException e) {
                throw new FormRefusal("Your decision: " + e.getMessage());
            }
        }
        for (int n = 1; n <= DraftViews.DECISION_SLOTS; n++) {
            task.getExecution().removeVariable(FINDING + n);
            task.getExecution().removeVariable(DECISION + n);
            task.getExecution().removeVariable(REASON + n);
        }
        // "Scan for PHI" comes next: findings beyond the form's slots come back in a new task, and the view of the
        // (possibly redacted) version is written again.
    }

    /** The decisions the form submitted; the service checks them against the findings (ids, choices, reasons). */
    private static List<FindingDecision> decisions(DelegateTask task) {
        List<FindingDecision> decisions = new ArrayList<>();
        for (int n = 1; n <= DraftViews.DECISION_SLOTS; n++) {
            Object finding = task.getVariable(FINDING + n);
            Object decision = task.getVariable(DECISION + n);
            if (finding == null || finding.toString().isBlank()) {
                continue; // an empty slot
            }
            long id;
            try {
                id = Long.parseLong(finding.toString().strip());
            } catch (NumberFormatException e) {
                throw new FormRefusal("Your decision for detail " + n + ": the form lost track of it; reload the task.");
            }
            String choice = decision == null ? "" : decision.toString();
            FindingDecision.Action action = switch (choice) {
                case DraftViews.REDACT -> FindingDecision.Action.REDACT;
                case DraftViews.COVERED -> FindingDecision.Action.COVERED;
                case DraftViews.NOT_PHI -> FindingDecision.Action.NOT_PHI;
                case "" -> throw new FormRefusal("Your decision for detail " + n + ": choose one.");
                default -> throw new FormRefusal("Your decision for detail " + n + ": this form does not offer it.");
            };
            Object reason = task.getVariable(REASON + n);
            String why = reason == null || reason.toString().isBlank() ? null : reason.toString().strip();
            decisions.add(new FindingDecision(id, action, why));
        }
        return decisions;
    }
}
