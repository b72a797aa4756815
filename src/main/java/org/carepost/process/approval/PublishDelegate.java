package org.carepost.process.approval;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
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

    /** Whether the current activity catches PUBLISHING_PAUSED (a boundary error event of the model's version). */
    static boolean holdsOnPause(DelegateExecution execution) {
        String activity = execution.getCurrentActivityId();
        return execution.getBpmnModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
                .filter(b -> b.getAttachedTo() != null && b.getAttachedTo().getId().equals(activity))
                .flatMap(b -> b.getEventDefinitions().stream())
                .anyMatch(d -> d instanceof ErrorEventDefinition error && error.getError() != null
                        && PUBLISHING_PAUSED.equals(error.getError().getErrorCode()));
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<String> paused = pause.apply(ProcessVariables.contentId(execution));
        if (paused.isPresent()) {
            if (!holdsOnPause(execution)) {
                // An instance of a content-approval version from before the hold: an uncaught BPMN error would end it
                // as if published. A failure keeps it (retried, then an incident) until it is migrated or resumed.
                throw new IllegalStateException(paused.get() + "; this instance's model has no hold: migrate it to the "
                        + "latest content-approval (engine REST /migration)");
            }
            throw new BpmnError(PUBLISHING_PAUSED, paused.get());
        }
        publishing.publish(ProcessVariables.contentId(execution), execution.getProcessInstanceId());
    }
}
