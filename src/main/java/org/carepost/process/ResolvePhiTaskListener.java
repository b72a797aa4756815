package org.carepost.process;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carepost.phi.PhiFinding;
import org.carepost.phi.PhiForbiddenException;
import org.carepost.phi.PhiScanService;
import org.carepost.review.ReviewService;
import org.springframework.stereotype.Component;

/**
 * "Resolve PHI" (privacy group). On create: task-local variables show each finding in context (like the other
 * review forms show the text). On complete: applies the form's convenience choice ({@code phiAction} = "redact"
 * redacts every remaining finding, "covered" marks them covered by the patient's authorization), then refuses to
 * complete while any finding of the current version is open. Messages name finding ids only.
 */
@Component("resolvePhiTaskListener")
public class ResolvePhiTaskListener implements TaskListener {

    /** The form's choice for the findings still open: "redact", "covered" or empty (resolved via the API). */
    public static final String PHI_ACTION = "phiAction";

    private final PhiScanService scans;
    private final ReviewService reviews;

    public ResolvePhiTaskListener(PhiScanService scans, ReviewService reviews) {
        this.scans = scans;
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID contentId = ProcessVariables.contentId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            List<PhiScanService.FindingInContext> found = scans.currentFindingsInContext(contentId);
            task.setVariableLocal("contentTitle", reviews.context(contentId).title());
            task.setVariableLocal("phiFindingCount", found.stream().filter(f -> f.finding().isOpen()).count());
            task.setVariableLocal("phiFindings", found.stream()
                    .map(f -> "#" + f.finding().getId() + " " + f.finding().getType() + " ("
                            + f.finding().getStatus() + "): " + f.context())
                    .collect(Collectors.joining("\n")));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String actor = ProcessVariables.currentUser(task);
            Set<String> groups = new HashSet<>(ProcessVariables.currentGroups(task));
            if (actor == null || !groups.contains(PhiScanService.PRIVACY_GROUP)) {
                throw new PhiForbiddenException("Only the privacy group resolves PHI findings.");
            }
            Object action = task.getVariable(PHI_ACTION);
            String choice = action == null ? "" : action.toString().trim();
            if ("redact".equals(choice)) {
                scans.redactAllOpen(contentId, actor, groups);
            } else if ("covered".equals(choice)) {
                scans.coverAllOpen(contentId, actor, groups);
            } else if (!choice.isEmpty() && !"none".equals(choice)) {
                throw new BadUserRequestException("phiAction must be 'redact', 'covered' or 'none'.");
            }
            if (action != null) {
                task.getExecution().removeVariable(PHI_ACTION);
            }
            List<PhiFinding> open = scans.openFindings(contentId);
            if (!open.isEmpty()) {
                throw new BadUserRequestException("PHI findings still open: " + open.stream()
                        .map(f -> String.valueOf(f.getId())).collect(Collectors.joining(", "))
                        + ". Redact them or mark them covered by the patient's authorization first.");
            }
        }
    }
}
