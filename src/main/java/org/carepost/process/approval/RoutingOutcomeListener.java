package org.carepost.process.approval;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.carepost.review.ReviewKind;
import org.carepost.review.ReviewRouting;
import org.carepost.review.RoutingOutcome;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/**
 * End of "Decide reviews": turns the decision's matched rows (the engine's transient {@code decisionResult}) into
 * the routed reviews (transient flags the next gateway reads) and a few small process variables read later, and stores the routing for the freeze. For the crisis fast track
 * ("publish immediately") the scheduled time becomes now, so the publication timer fires as soon as the draft is
 * approved.
 */
@Component
public class RoutingOutcomeListener implements ExecutionListener {

    public static final String DECISION_RESULT = "decisionResult";
    public static final String SIGNOFF_DEPARTMENTS = "signoffDepartments";
    public static final String REVIEW_SLA = "reviewSla";
    public static final String PUBLISH_IMMEDIATELY = "publishImmediately";
    public static final String SIGNOFF_DECISION = "departmentSignoffDecision";

    private final ReviewRouting routing;

    public RoutingOutcomeListener(ReviewRouting routing) {
        this.routing = routing;
    }

    @Override
    public void notify(DelegateExecution execution) {
        DmnDecisionResult result = (DmnDecisionResult) execution.getVariable(DECISION_RESULT);
        if (result == null) {
            throw new IllegalStateException("'Decide reviews' must evaluate the DMN decision review-routing");
        }
        RoutingOutcome outcome = routing.record(ProcessVariables.contentId(execution), result.getResultList(),
                execution.getProcessInstanceId());
        // Which reviews are routed: read once, by the gateway that follows in this transaction; transient, so they
        // cost no rows (review_routing, the decision's history and the audit event "route" keep the routing).
        DelegateExecution process = execution.getProcessInstance();
        for (ReviewKind kind : ReviewKind.values()) {
            if (kind != ReviewKind.SIGNOFF) {
                ProcessVariables.setTransient(process, kind.requiredVariable(),
                        Variables.booleanValue(outcome.reviews().contains(kind), true));
            }
        }
        process.setVariable(REVIEW_SLA, outcome.sla());
        process.setVariable(SIGNOFF_DEPARTMENTS, outcome.signoffDepartmentsValue());
        process.setVariable(PUBLISH_IMMEDIATELY, outcome.publishImmediately());
        // No department routed: the (empty) sign-off has nothing to wait for; otherwise each head decides anew.
        process.setVariable(SIGNOFF_DECISION, outcome.signoffDepartments().isEmpty() ? "approve" : null);
        if (outcome.publishImmediately()) {
            process.setVariable(ProcessVariables.PUBLISH_AT, ClockUtil.getCurrentTime());
        }
    }
}
