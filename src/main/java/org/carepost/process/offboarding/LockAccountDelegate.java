package org.carepost.process.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.offboarding.Offboardings;
import org.springframework.stereotype.Component;

/** "Lock account": the leaver can no longer log in anywhere, and their open sessions end. */
@Component
public class LockAccountDelegate implements JavaDelegate {

    private final Offboardings offboardings;

    public LockAccountDelegate(Offboardings offboardings) {
        this.offboardings = offboardings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OffboardingSteps.refusing(() -> {
            offboardings.lock(execution.getProcessInstanceId());
            return null;
        });
    }
}
