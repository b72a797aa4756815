package org.carepost.process.approval;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carepost.review.Decision;
import org.carepost.review.ReviewRouting;
import org.carepost.review.ReviewDecisions;
import org.carepost.review.ReviewContext;
import org.carepost.review.ReviewKind;
import org.carepost.review.ReviewService;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/**
 * On every review and sign-off task. On create it binds the task to the exact version shown; on complete it hands
 * the submission to {@link ReviewDecisions} (segregation of duties and the other rules, the decision recorded bound
 * to that text's hash) and sets the gateway's variable. A refusal there rolls the whole completion back, so a refused
 * decision changes nothing.
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
    private final ReviewDecisions decisions;
    private final ReviewRouting routing;
    private final DraftViewVariable draftView;

    public DecisionTaskListener(ReviewService reviews, ReviewDecisions decisions, ReviewRouting routing,
                                DraftViewVariable draftView) {
        this.reviews = reviews;
        this.decisions = decisions;
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
        // The department was fixed when the task was created (task-local): editing variables cannot redirect it.
        Object seenDepartment = task.getVariableLocal(SIGNOFF_DEPARTMENT_SEEN);
        Object claimCount = task.getVariableLocal(CLAIM_COUNT);
        Decision decision = decisions.decide(new ReviewDecisions.Submission(ProcessVariables.contentId(task), kind,
                (String) task.getVariableLocal(SEEN_HASH), ProcessVariables.currentUser(task),
                ProcessVariables.currentGroups(task), seenDepartment == null ? null : seenDepartment.toString(),
                task.getVariable(ProcessVariables.DECISION), task.getVariable(ProcessVariables.COMMENT),
                claimCount instanceof Number n ? n.intValue() : 0,
                kind == ReviewKind.MEDICAL ? task.getVariable(CLAIM_SOURCES) : null,
                task.getProcessInstanceId(), task.getId()));

        // The gateway after the task reads a variable named after the task; the shared inputs are cleared so a
        // later completion cannot silently reuse them, and comments and sources stay in our tables only.
        if (kind == ReviewKind.SIGNOFF) {
            // Also read later: "Decide reviews" sets it when no department signs off.
            task.getExecution().setVariable(kind.decisionVariable(), decision.code());
        } else {
            // Read only by the gateway right after this task, in this command; approval and audit keep it.
            ProcessVariables.setTransient(task.getExecution().getProcessInstance(), kind.decisionVariable(),
                    Variables.stringValue(decision.code(), true));
        }
        task.getExecution().removeVariable(ProcessVariables.DECISION);
        task.getExecution().removeVariable(ProcessVariables.COMMENT);
        task.getExecution().removeVariable(CLAIM_SOURCES);
    }
}
