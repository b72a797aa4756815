package org.carepost.process.pause;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.carepost.pause.PublishingPauses;
import org.springframework.stereotype.Component;

/**
 * "Record the pause": the start form's fields checked (a refusal is the form's 400 sentence, or 403, and nothing
 * starts), the pause recorded and audited. From this commit on, every publication it covers is held.
 */
@Component
public class StartPauseDelegate implements JavaDelegate {

    private final PublishingPauses pauses;

    public StartPauseDelegate(PublishingPauses pauses) {
        this.pauses = pauses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication requester = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        PublishingPauses.Pause pause = PauseSteps.refusing(() -> pauses.pause(execution.getProcessInstanceId(),
                requester == null ? null : requester.getUserId(), requester == null ? null : requester.getGroupIds(),
                PauseSteps.text(execution.getVariable(PauseSteps.REASON)),
                PauseSteps.text(execution.getVariable(PauseSteps.SCOPE)),
                PauseSteps.text(execution.getVariable(PauseSteps.DEPARTMENT)),
                PauseSteps.text(execution.getVariable(PauseSteps.EXPECTED_END))));
        execution.setVariable(PauseSteps.SCOPE, pause.scope());
        execution.setVariable(PauseSteps.DEPARTMENT, pause.department());
        // A Date for the boundary timer, and the same instant as text for the task form.
        execution.setVariable(PauseSteps.EXPECTED_END, Date.from(pause.expectedEnd()));
        execution.setVariable(PauseSteps.PAUSED_BY, pause.pausedBy());
        execution.setVariable(PauseSteps.SCOPE_TEXT, pause.scopeText());
        execution.setVariable(PauseSteps.EXPECTED_END_TEXT, pause.expectedEnd().toString());
    }
}
