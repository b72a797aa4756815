package org.carepost.process.takedown;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.process.consent.ConsentVariables;
import org.carepost.publishing.TakedownService;
import org.springframework.stereotype.Component;

/**
 * takedown.bpmn's "Delete post on platform": a failure throws, so the job retries (R5/PT5M) and then raises an
 * incident.
 */
@Component
public class DeletePostDelegate implements JavaDelegate {
    private final TakedownService takedowns;

    public DeletePostDelegate(TakedownService takedowns) {
        this.takedowns = takedowns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Number id = (Number) execution.getVariable(ConsentVariables.TAKEDOWN_ID);
        takedowns.delete(id.longValue(), execution.getProcessInstanceId());
    }
}
