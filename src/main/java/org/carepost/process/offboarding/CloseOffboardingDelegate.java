package org.carepost.process.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.offboarding.Offboardings;
import org.springframework.stereotype.Component;

/** "Close the offboarding record": marks it complete for the auditor's page. */
@Component
public class CloseOffboardingDelegate implements JavaDelegate {

    private final Offboardings offboardings;

    public CloseOffboardingDelegate(Offboardings offboardings) {
        this.offboardings = offboardings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        offboardings.close(execution.getProcessInstanceId());
    }
}
