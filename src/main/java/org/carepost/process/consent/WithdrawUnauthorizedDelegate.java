package org.carepost.process.consent;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.content.ContentService;
import org.carepost.content.Withdrawal;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/** "Withdraw draft": no valid authorization arrived in time (carepost.consent.capture-timeout). */
@Component
public class WithdrawUnauthorizedDelegate implements JavaDelegate {

    private final ContentService contents;

    public WithdrawUnauthorizedDelegate(ContentService contents) {
        this.contents = contents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        contents.withdraw(ProcessVariables.contentId(execution), Withdrawal.noAuthorizationInTime(),
                ProcessVariables.SYSTEM_ACTOR, execution.getProcessInstanceId());
    }
}
