package org.carepost.process.pause;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.pause.PublishingPauses;
import org.springframework.stereotype.Component;

/**
 * "Remind: expected end passed": the pause stays in force (only a person resumes publishing), the reminder is in the
 * audit trail and the task shows it.
 */
@Component
public class PauseOverdueDelegate implements JavaDelegate {

    static final String OVERDUE = "overdue";

    private final PublishingPauses pauses;

    public PauseOverdueDelegate(PublishingPauses pauses) {
        this.pauses = pauses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        pauses.overdue(execution.getProcessInstanceId());
        execution.setVariable(OVERDUE, true);
    }
}
