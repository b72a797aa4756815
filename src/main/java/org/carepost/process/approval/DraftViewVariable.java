package org.carepost.process.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.carepost.content.ContentVersionAdded;
import org.carepost.tasklist.DraftViews;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.carepost.process.consent.ConsentVariables;
import org.carepost.process.engine.ProcessVariables;

/**
 * The one process variable through which Tasklist's forms read a draft ({@code draftView}, JSON; Tasklist parses it
 * and the forms address its members, e.g. {@code draftView.text}). Written from our tables ({@link DraftViews}) when a version is
 * scanned, when a task needs more (comments, health claims), and on every new version, redaction included, so no
 * superseded text stays in it. None of them reaches Camunda's history ({@link org.carepost.process.engine.PrivateVariables}).
 */
@Component
public class DraftViewVariable {

    public static final String NAME = ProcessVariables.DRAFT_VIEW;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DraftViews views;
    private final ProcessEngine engine;

    public DraftViewVariable(DraftViews views, @Lazy ProcessEngine engine) {
        this.views = views;
        this.engine = engine;
    }

    /** The whole view of the current version, on a content-approval instance. */
    public void write(VariableScope scope, UUID contentId) {
        scope.setVariable(NAME, json(views.of(contentId)));
    }

    /** The draft without its text, on a consent-capture instance (its forms need no more). */
    public void writeSummary(VariableScope scope, UUID contentId) {
        Map<String, Object> view = views.summaryOf(contentId);
        // consent-capture's own result: why the last authorization was not accepted (shown only when there is one)
        Object problems = scope.getVariable(ConsentVariables.AUTHORIZATION_PROBLEMS);
        view.put("hasProblems", problems != null && !problems.toString().isBlank());
        scope.setVariable(NAME, json(view));
    }

    /** A new version (a redaction through the API, say): the running content-approval of the draft shows it at once. */
    @EventListener
    public void versionAdded(ContentVersionAdded event) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // The variable is ours, not the user's: whoever caused the new version may not update process instances.
        configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(event.contentId().toString())
                    .processDefinitionKey(ProcessVariables.PROCESS_KEY).active().list()) {
                Map<String, Object> view = views.of(event.contentId());
                engine.getRuntimeService().setVariable(instance.getId(), NAME, json(view));
            }
            return null;
        }));
    }

    static JsonValue json(Map<String, Object> view) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(view)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The draft view could not be written as JSON", e);
        }
    }
}
