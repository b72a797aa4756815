package org.carepost.process.approval;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.pause.PublishingPauses;
import org.carepost.publishing.PublishingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/**
 * "Publish to platforms": runs as an async job, so a failure retries and ends in an incident, never silently. A
 * publishing pause that began after the draft passed the gate holds it here too (BPMN error PUBLISHING_PAUSED, back
 * to the pause check; no incident).
 */
@Component
public class PublishDelegate implements JavaDelegate {

    public static final String PUBLISHING_PAUSED = "PUBLISHING_PAUSED";

    private final PublishingService publishing;
    private final Function<UUID, Optional<String>> pause;

    public PublishDelegate(PublishingService publishing) {
        this(publishing, contentId -> Optional.empty());
    }

    @Autowired
    public PublishDelegate(PublishingService publishing, PublishingPauses pauses) {
        this(publishing, pauses::hold);
    }

    private PublishDelegate(PublishingService publishing, Function<UUID, Optional<String>> pause) {
        this.publishing = publishing;
        this.pause = pause;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<String> paused = pause.apply(ProcessVariables.contentId(execution));
        if (paused.isPresent()) {
            throw new BpmnError(PUBLISHING_PAUSED, paused.get());
        }
        publishing.publish(ProcessVariables.contentId(execution), execution.getProcessInstanceId());
    }
}
