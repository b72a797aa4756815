package org.carepost.process.approval;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carepost.review.Decision;
import org.carepost.review.MedicalReviewCheck;
import org.carepost.review.ReviewRouting;
import org.carepost.review.DepartmentHeads;
import org.carepost.review.ReviewContext;
import org.carepost.review.ReviewKind;
import org.carepost.review.ReviewService;
import org.carepost.review.SegregationOfDuties;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/**
 * On every review and sign-off task. On create it binds the task to the exact version shown; on complete it
 * enforces segregation of duties and records the decision bound to that text's hash. Throwing here rolls the
 * whole completion back, so a refused decision changes nothing.
 */
@Component
public class DecisionTaskListener implements TaskListener {

    static final String SEEN_HASH = "versionHash";
    /** Multi-instance element variable of the sign-off: the department of this instance. */
    static final String SIGNOFF_DEPARTMENT = "signoffDepartment";
    static final String SIGNOFF_DEPARTMENT_SEEN = "department";
    /** The same, as the form shows it ("Cardiology"). */
    static final String SIGNOFF_DEPARTMENT_LABEL = "signoffDepartmentLabel";
    static final String CLAIM_COUNT = "claimCount";
    /** Medical review form: one cited source (URL or DOI) per health claim, one per line. */
    static final String CLAIM_SOURCES = ProcessVariables.CLAIM_SOURCES;

    private final ReviewService reviews;
    private final DepartmentHeads departmentHeads;
    private final ReviewRouting routing;
    private final DraftViewVariable draftView;

    public DecisionTaskListener(ReviewService reviews, DepartmentHeads departmentHeads, ReviewRouting routing,
                                DraftViewVariable draftView) {
        this.reviews = reviews;
        this.departmentHeads = departmentHeads;
        this.routing = routing;
        this.draftView = draftView;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> showText(task);
            case EVENTNAME_COMPLETE -> decide(task);
            default -> { }
        }
    }

    /**
     * The form reads the draft from the process variable {@code draftView}; the task keeps only what binds the decision:
     * the hash of the version shown, the sign-off's department and the number of health claims to source.
     */
    private void showText(DelegateTask task) {
        ReviewContext context = reviews.context(ProcessVariables.contentId(task));
        task.setVariableLocal(SEEN_HASH, context.versionHash());
        if (ReviewKind.MEDICAL.taskKey().equals(task.getTaskDefinitionKey())) {
            task.setVariableLocal(CLAIM_COUNT, routing.currentClaims(ProcessVariables.contentId(task)).size());
            // The claims were found by "Decide reviews", after the view of this version was written.
            draftView.write(task.getExecution().getProcessInstance(), context.contentId());
        }
        if (ReviewKind.SIGNOFF.taskKey().equals(task.getTaskDefinitionKey())) {
            String department = signoffDepartment(task, context);
            task.setVariableLocal(SIGNOFF_DEPARTMENT_SEEN, department);
            task.setVariableLocal(SIGNOFF_DEPARTMENT_LABEL, org.carepost.tasklist.DraftViews.departmentLabel(department));
        }
    }

    /** The department of this sign-off instance (multi-instance element variable), else the draft's own. */
    private static String signoffDepartment(DelegateTask task, ReviewContext context) {
        Object department = task.getExecution().getVariableLocal(SIGNOFF_DEPARTMENT);
        return department == null ? context.department() : department.toString();
    }

    private void decide(DelegateTask task) {
        ReviewKind kind = ReviewKind.forTask(task.getTaskDefinitionKey())
                .orElseThrow(() -> new IllegalStateException("No review kind for task " + task.getTaskDefinitionKey()));
        UUID contentId = ProcessVariables.contentId(task);
        ReviewContext context = reviews.context(contentId);
        String actor = ProcessVariables.currentUser(task);
        // The department was fixed when the task was created (task-local): editing variables cannot redirect it.
        Object seenDepartment = task.getVariableLocal(SIGNOFF_DEPARTMENT_SEEN);
        String department = kind == ReviewKind.SIGNOFF && seenDepartment != null ? seenDepartment.toString()
                : context.department();
        SegregationOfDuties.check(actor, ProcessVariables.currentGroups(task), context.author(), kind,
                kind == ReviewKind.SIGNOFF ? departmentHeads.of(department) : List.of(),
                department);

        Decision decision = Decision.fromCode(task.getVariable(ProcessVariables.DECISION)).orElseThrow(() ->
                new BadUserRequestException("Complete this task with variable 'decision' = approve, changes or reject."));
        Object rawComment = task.getVariable(ProcessVariables.COMMENT);
        String comment = rawComment == null ? null : rawComment.toString().strip();
        if (decision != Decision.APPROVE && (comment == null || comment.isEmpty())) {
            throw new BadUserRequestException("A comment is required when requesting changes or rejecting.");
        }
        if (kind == ReviewKind.MEDICAL) {
            Object claimCount = task.getVariableLocal(CLAIM_COUNT);
            Object sources = task.getVariable(CLAIM_SOURCES);
            MedicalReviewCheck.check(decision, claimCount instanceof Number n ? n.intValue() : 0, sources);
            if (sources != null && !sources.toString().isBlank()) {
                comment = ((comment == null || comment.isEmpty()) ? "" : comment + "\n") + "Sources:\n"
                        + sources.toString().strip();
            }
            task.getExecution().removeVariable(CLAIM_SOURCES);
        }
        if (comment != null && comment.length() > 4000) {
            throw new BadUserRequestException("The comment must be at most 4000 characters.");
        }
        String seenHash = (String) task.getVariableLocal(SEEN_HASH);
        reviews.record(contentId, seenHash, kind, actor, decision, comment, task.getProcessInstanceId(), task.getId(),
                kind == ReviewKind.SIGNOFF ? department : null);

        // The gateway after the task reads a variable named after the task; the shared inputs are cleared so a
        // later completion cannot silently reuse them, and comments stay in our tables only.
        task.getExecution().setVariable(kind.decisionVariable(), decision.code());
        task.getExecution().removeVariable(ProcessVariables.DECISION);
        task.getExecution().removeVariable(ProcessVariables.COMMENT);
    }
}
