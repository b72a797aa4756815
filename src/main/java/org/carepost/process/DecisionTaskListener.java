package org.carepost.process;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carepost.review.Decision;
import org.carepost.review.DepartmentHeads;
import org.carepost.review.ReviewContext;
import org.carepost.review.ReviewKind;
import org.carepost.review.ReviewService;
import org.carepost.review.SegregationOfDuties;
import org.springframework.stereotype.Component;

/**
 * On every review and sign-off task. On create it shows the reviewer the exact text being decided; on complete it
 * enforces segregation of duties and records the decision bound to that text's hash. Throwing here rolls the
 * whole completion back, so a refused decision changes nothing.
 */
@Component("decisionTaskListener")
public class DecisionTaskListener implements TaskListener {

    static final String SEEN_HASH = "versionHash";

    private final ReviewService reviews;
    private final DepartmentHeads departmentHeads;

    public DecisionTaskListener(ReviewService reviews, DepartmentHeads departmentHeads) {
        this.reviews = reviews;
        this.departmentHeads = departmentHeads;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> showText(task);
            case EVENTNAME_COMPLETE -> decide(task);
            default -> { }
        }
    }

    private void showText(DelegateTask task) {
        ReviewContext context = reviews.context(ProcessVariables.contentId(task));
        task.setVariableLocal("contentTitle", context.title());
        task.setVariableLocal("contentKind", context.kind());
        task.setVariableLocal("contentText", context.text());
        task.setVariableLocal("versionNo", context.versionNo());
        task.setVariableLocal(SEEN_HASH, context.versionHash());
    }

    private void decide(DelegateTask task) {
        ReviewKind kind = ReviewKind.forTask(task.getTaskDefinitionKey())
                .orElseThrow(() -> new IllegalStateException("No review kind for task " + task.getTaskDefinitionKey()));
        UUID contentId = ProcessVariables.contentId(task);
        ReviewContext context = reviews.context(contentId);
        String actor = ProcessVariables.currentUser(task);
        SegregationOfDuties.check(actor, ProcessVariables.currentGroups(task), context.author(), kind,
                kind == ReviewKind.SIGNOFF ? departmentHeads.of(context.department()) : List.of(),
                context.department());

        Decision decision = Decision.fromCode(task.getVariable(ProcessVariables.DECISION)).orElseThrow(() ->
                new BadUserRequestException("Complete this task with variable 'decision' = approve, changes or reject."));
        Object rawComment = task.getVariable(ProcessVariables.COMMENT);
        String comment = rawComment == null ? null : rawComment.toString().strip();
        if (decision != Decision.APPROVE && (comment == null || comment.isEmpty())) {
            throw new BadUserRequestException("A comment is required when requesting changes or rejecting.");
        }
        if (comment != null && comment.length() > 4000) {
            throw new BadUserRequestException("The comment must be at most 4000 characters.");
        }
        String seenHash = (String) task.getVariableLocal(SEEN_HASH);
        reviews.record(contentId, seenHash, kind, actor, decision, comment, task.getProcessInstanceId(), task.getId());

        // The gateway after the task reads a variable named after the task; the shared inputs are cleared so a
        // later completion cannot silently reuse them, and comments stay in our tables only.
        task.getExecution().setVariable(kind.decisionVariable(), decision.code());
        task.getExecution().removeVariable(ProcessVariables.DECISION);
        task.getExecution().removeVariable(ProcessVariables.COMMENT);
    }
}
