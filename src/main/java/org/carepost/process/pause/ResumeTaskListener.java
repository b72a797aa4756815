package org.carepost.process.pause;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.carepost.pause.PublishingPauses;
import org.springframework.stereotype.Component;

/**
 * "Publishing paused" completed: the resume. Inside the engine, so every client (Tasklist, /engine-rest) is held to
 * it: only communications or privacy, never the person who paused (403, the task stays open), and the box "resume"
 * ticked (400). Ends the pause; the held posts are released by the next step.
 */
@Component
public class ResumeTaskListener implements TaskListener {

    private final PublishingPauses pauses;

    public ResumeTaskListener(PublishingPauses pauses) {
        this.pauses = pauses;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable(PauseSteps.RESUME))
                && !"true".equals(String.valueOf(task.getVariable(PauseSteps.RESUME)))) {
            throw new BadUserRequestException("Resume publishing: tick the box to confirm that publishing resumes now.");
        }
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        PauseSteps.refusing(() -> pauses.resume(task.getProcessInstanceId(), user == null ? null : user.getUserId(),
                user == null ? null : user.getGroupIds(), PauseSteps.text(task.getVariable(PauseSteps.RESUME_NOTE))));
    }
}
