package org.carepost.process.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.review.ReviewKind;
import org.carepost.review.SlaEscalation;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/**
 * "Escalate to the lead" after a review's SLA timer: the task's input parameter {@code review} names the review
 * (privacy, legal, medical, brand, communications). The review task itself stays open.
 */
@Component
public class SlaEscalationDelegate implements JavaDelegate {

    public static final String REVIEW = "review";

    private final SlaEscalation escalation;

    public SlaEscalationDelegate(SlaEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object review = execution.getVariableLocal(REVIEW);
        ReviewKind kind = ReviewKind.forReviewCode(review == null ? null : review.toString())
                .orElseThrow(() -> new IllegalStateException("Input parameter 'review' names no review: " + review));
        Object sla = execution.getVariable(RoutingOutcomeListener.REVIEW_SLA);
        escalation.escalate(ProcessVariables.contentId(execution), kind, sla == null ? "" : sla.toString(),
                execution.getProcessInstanceId());
    }
}
