package org.carepost.process.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.carepost.review.ReviewRouting;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/**
 * Start of "Decide reviews": the inputs of DMN {@code review-routing}, computed from our tables (kind, PHI present,
 * patient mentioned, health claims, media, departments) as transient local variables of the reviews scope. The
 * decision reads them in the same transaction; they are never stored as variables, because the engine's decision
 * history already records every input and storing them would add rows to four engine tables per routing.
 */
@Component
public class RoutingInputsListener implements ExecutionListener {

    private final ReviewRouting routing;

    public RoutingInputsListener(ReviewRouting routing) {
        this.routing = routing;
    }

    @Override
    public void notify(DelegateExecution execution) {
        VariableMap inputs = Variables.createVariables();
        routing.facts(ProcessVariables.contentId(execution)).toVariables()
                .forEach((name, value) -> inputs.putValueTyped(name, Variables.untypedValue(value, true)));
        execution.setVariablesLocal(inputs);
    }
}
