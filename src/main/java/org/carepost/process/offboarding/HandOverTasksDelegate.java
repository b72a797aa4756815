package org.carepost.process.offboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.offboarding.WorkHandover;
import org.springframework.stereotype.Component;

/** "Hand over open tasks": to the named colleague, or back to the tasks' candidate groups. */
@Component
public class HandOverTasksDelegate implements JavaDelegate {

    private final WorkHandover handover;

    public HandOverTasksDelegate(WorkHandover handover) {
        this.handover = handover;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("tasksHandedOver", handover.handOverTasks(execution.getProcessInstanceId()).size());
    }
}
