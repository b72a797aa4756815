package org.carepost.process.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.offboarding.WorkHandover;
import org.springframework.stereotype.Component;

/** "Hand over drafts": the leaver's unfinished drafts go to their department head's list. */
@Component
public class HandOverDraftsDelegate implements JavaDelegate {

    private final WorkHandover handover;

    public HandOverDraftsDelegate(WorkHandover handover) {
        this.handover = handover;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("draftsHandedOver", handover.handOverDrafts(execution.getProcessInstanceId()).size());
    }
}
