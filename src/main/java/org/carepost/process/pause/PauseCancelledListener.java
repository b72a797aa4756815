package org.carepost.process.pause;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.carepost.pause.PublishingPauses;
import org.springframework.stereotype.Component;

/**
 * "Publishing paused" deleted because its process instance was cancelled (Cockpit, administrators only): the pause
 * ends and what it held is released, or nothing could ever resume it. A completed task is not deleted, so a resume
 * never comes here.
 */
@Component
public class PauseCancelledListener implements TaskListener {

    private final PublishingPauses pauses;
    private final HeldPostsRelease release;

    public PauseCancelledListener(PublishingPauses pauses, HeldPostsRelease release) {
        this.pauses = pauses;
        this.release = release;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!pauses.isActive(task.getProcessInstanceId())) {
            return;
        }
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        pauses.cancelled(task.getProcessInstanceId(), user == null ? null : user.getUserId());
        release.release(task.getProcessInstanceId(), task.getProcessEngineServices().getRuntimeService());
    }
}
