package org.carepost.process.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.publishing.PublishingService;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/** "Publish to platforms": runs as an async job, so a failure retries and ends in an incident, never silently. */
@Component
public class PublishDelegate implements JavaDelegate {

    private final PublishingService publishing;

    public PublishDelegate(PublishingService publishing) {
        this.publishing = publishing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        publishing.publish(ProcessVariables.contentId(execution), execution.getProcessInstanceId());
    }
}
