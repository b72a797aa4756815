package org.carepost.process.offboarding;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.carepost.offboarding.Offboardings;
import org.springframework.stereotype.Component;

/**
 * "Check and record the request": the start form's fields checked (a refusal is the form's 400 sentence and nothing
 * starts), the request recorded and audited, and when to lock decided.
 */
@Component
public class StartOffboardingDelegate implements JavaDelegate {

    private final Offboardings offboardings;

    public StartOffboardingDelegate(Offboardings offboardings) {
        this.offboardings = offboardings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication requester = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Offboardings.Request request = OffboardingSteps.refusing(() -> offboardings.request(
                execution.getProcessInstanceId(), requester == null ? null : requester.getUserId(),
                requester == null ? null : requester.getGroupIds(),
                OffboardingSteps.text(execution.getVariable(OffboardingSteps.USER_ID)),
                OffboardingSteps.text(execution.getVariable(OffboardingSteps.LEAVING_DATE)),
                OffboardingSteps.text(execution.getVariable(OffboardingSteps.COLLEAGUE))));
        execution.setVariable(OffboardingSteps.USER_ID, request.userId());
        execution.setVariable(OffboardingSteps.LEAVING_DATE, request.leavingDate().toString());
        execution.setVariable(OffboardingSteps.COLLEAGUE, request.colleague());
        execution.setVariable(OffboardingSteps.LOCK_AT, Date.from(request.lockAt()));
        execution.setVariable(OffboardingSteps.LOCK_NOW, request.lockNow());
    }
}
