package org.carepost.process.pause;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.carepost.pause.PublishingPauses;
import org.carepost.process.engine.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * content-approval's "Check for a publishing pause", right before the pre-publication gate: a covered draft waits
 * for message PublishingResumed instead of failing (no incident, nothing withdrawn), and its hold is recorded.
 */
@Component
public class PublishingPauseCheckDelegate implements JavaDelegate {

    public static final String PUBLISHING_PAUSED = "publishingPaused";

    private final PublishingPauses pauses;

    public PublishingPauseCheckDelegate(PublishingPauses pauses) {
        this.pauses = pauses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Read only by "Publishing paused?" right after; the hold itself is recorded with the pause.
        ProcessVariables.setTransient(execution.getProcessInstance(), PUBLISHING_PAUSED,
                Variables.booleanValue(pauses.hold(ProcessVariables.contentId(execution)).isPresent(), true));
    }
}
