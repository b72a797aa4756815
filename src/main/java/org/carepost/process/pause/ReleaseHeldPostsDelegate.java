package org.carepost.process.pause;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Release held posts": runs as the engine's own job after the resume, so a failure retries instead of failing the form. */
@Component
public class ReleaseHeldPostsDelegate implements JavaDelegate {

    private final HeldPostsRelease release;

    public ReleaseHeldPostsDelegate(HeldPostsRelease release) {
        this.release = release;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(PauseSteps.RELEASED_COUNT,
                release.release(execution.getProcessInstanceId(), execution.getProcessEngineServices().getRuntimeService()));
    }
}
