package org.carepost.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.carepost.review.ReviewRouting;
import org.springframework.stereotype.Component;

/**
 * Start of "Decide reviews": the inputs of DMN {@code review-routing}, computed from our tables (kind, PHI present,
 * patient mentioned, health claims, media, departments) as small local variables of the reviews scope.
 */
@Component("routingInputs")
public class RoutingInputsListener implements ExecutionListener {

    private final ReviewRouting routing;

    public RoutingInputsListener(ReviewRouting routing) {
        this.routing = routing;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariablesLocal(routing.facts(ProcessVariables.contentId(execution)).toVariables());
    }
}
