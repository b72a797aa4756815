package org.carepost.process.takedown;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.process.consent.ConsentVariables;
import org.carepost.process.engine.ProcessVariables;
import org.carepost.publishing.TakedownService;
import org.springframework.stereotype.Component;

/**
 * takedown.bpmn's "Find published posts": one pending takedown per published post; their ids drive the
 * multi-instance.
 */
@Component
public class PlanTakedownDelegate implements JavaDelegate {
    private final TakedownService takedowns;

    public PlanTakedownDelegate(TakedownService takedowns) {
        this.takedowns = takedowns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object consent = execution.getVariable(ConsentVariables.CONSENT_ID);
        Object reason = execution.getVariable(ConsentVariables.STOP_REASON);
        List<Long> ids = takedowns.plan(ProcessVariables.contentId(execution),
                consent == null ? null : UUID.fromString(consent.toString()),
                reason == null ? "revoked" : reason.toString(), execution.getProcessInstanceId());
        execution.setVariable(ConsentVariables.TAKEDOWN_IDS, new ArrayList<>(ids));
    }
}
