package org.carepost.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.carepost.phi.FindingDecision;
import org.carepost.phi.PhiDecisionException;
import org.carepost.phi.PhiForbiddenException;
import org.carepost.phi.PhiScanService;
import org.carepost.tasklist.DraftViews;
import org.springframework.stereotype.Component;

/**
 * "Decide on each patient detail" (privacy group). The form lists every open finding of the current version with its
 * own decision (redact / covered by the authorization, offered for coverable types only / not PHI with a reason) in
 * {@code draftView.findings}; Tasklist submits them as {@code draftView = {findings: [{id, decision, reason}]}}. On
 * complete they are applied together ({@link PhiScanService#resolve}: all or nothing), so a decision can be changed
 * in the form until then; a refusal is a sentence on the form ({@link FormRefusal}) and changes nothing.
 */
@Component("resolvePhiTaskListener")
public class ResolvePhiTaskListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        List<FindingDecision> decisions = decisions(task.getExecution().getVariableTyped(DraftViewVariable.NAME));
        if (decisions.isEmpty() && !scans.openFindings(contentId).isEmpty()) {
            throw new FormRefusal("Your decision for each detail: choose one for every detail listed before you "
                    + "complete the task (" + scans.openFindings(contentId).size() + " without a decision).");
        }
        if (!decisions.isEmpty()) {
            PhiScanService.Resolution resolution;
            try {
                resolution = scans.resolve(contentId, decisions, actor, groups);
            } catch (PhiDecisionException e) {
                throw new FormRefusal("Your decision for each detail: " + e.getMessage());
            }
            if (resolution.openFindings() > 0) {
                throw new FormRefusal("Your decision for each detail: " + resolution.openFindings()
                        + " detail(s) still without a decision; reload the task to see them all.");
            }
        }
        // "Scan for PHI" comes next and writes the view of the (possibly redacted) version the submission replaced.
    }

    /** The decisions the form submitted; the service checks them against the findings (ids, choices, reasons). */
    static List<FindingDecision> decisions(TypedValue submitted) {
        JsonNode findings = json(submitted).path("findings");
        List<FindingDecision> decisions = new ArrayList<>();
        int n = 0;
        for (JsonNode item : findings) {
            n++;
            String decision = item.path("decision").asText("");
            String reason = item.path("reason").asText("").strip();
            long id;
            try {
                id = Long.parseLong(item.path("id").asText(""));
            } catch (NumberFormatException e) {
                throw new FormRefusal("Your decision for each detail: detail " + n + " has no valid reference; reload "
                        + "the task.");
            }
            FindingDecision.Action action = switch (decision) {
                case DraftViews.REDACT -> FindingDecision.Action.REDACT;
                case DraftViews.COVERED -> FindingDecision.Action.COVERED;
                case DraftViews.NOT_PHI -> FindingDecision.Action.NOT_PHI;
                case "" -> throw new FormRefusal("Your decision for each detail: detail " + n + " has no decision yet.");
                default -> throw new FormRefusal("Your decision for each detail: detail " + n
                        + " has a decision this form does not offer.");
            };
            decisions.add(new FindingDecision(id, action, reason.isEmpty() ? null : reason));
        }
        return decisions;
    }

    private static JsonNode json(TypedValue submitted) {
        Object value = submitted == null ? null : submitted.getValue();
        try {
            return value == null ? JSON.missingNode() : JSON.readTree(value.toString());
        } catch (IOException e) {
            throw new FormRefusal("Your decision for each detail: the form sent something unreadable; reload the task.");
        }
    }
}
