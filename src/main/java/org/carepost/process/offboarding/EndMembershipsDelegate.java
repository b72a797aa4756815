package org.carepost.process.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.offboarding.Offboardings;
import org.springframework.stereotype.Component;

/** "End group memberships": each recorded for the auditor, then ended. */
@Component
public class EndMembershipsDelegate implements JavaDelegate {

    private final Offboardings offboardings;

    public EndMembershipsDelegate(Offboardings offboardings) {
        this.offboardings = offboardings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("membershipsEnded", OffboardingSteps.refusing(
                () -> offboardings.endMemberships(execution.getProcessInstanceId())).size());
    }
}
