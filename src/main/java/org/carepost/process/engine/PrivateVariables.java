package org.carepost.process.engine;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Variables that may carry a draft's text, a finding's context or a reviewer's free text never reach Camunda's
 * history (ACT_HI_VARINST, ACT_HI_DETAIL and their byte arrays), which is kept six years and readable through
 * /engine-rest/history. The runtime copy of {@link ProcessVariables#DRAFT_VIEW} is rewritten on every new version
 * (redaction included) and ends with the process; the start and task forms' free-text fields are removed by their
 * listeners in the same command. Our own tables and the audit trail keep what must be kept.
 *
 * <p>The engine's history event handler is wrapped after initialisation, so every handler behind it (the database
 * one, the Spring Boot starter's event publisher) sees nothing of these variables, at any history level.
 */
@Component
public class PrivateVariables extends AbstractProcessEnginePlugin {

    /** Kept out of history: the forms' view of the draft, and every free-text field a form submits. */
    public static final Set<String> NAMES = Set.copyOf(List.of(
            ProcessVariables.DRAFT_VIEW, TaskListColumns.POST_TITLE, TaskListColumns.POST_KIND, TaskListColumns.POST_DEPARTMENT,
            // start form of content-approval (the draft's title and text)
            "title", "text",
            // Revise form, review comments, medical sources, revocation note
            ProcessVariables.REVISED_TEXT, ProcessVariables.COMMENT, ProcessVariables.CLAIM_SOURCES, "note"));

    /** Numbered fields of the Resolve PHI form: the reasons typed for "not PHI" (phiReason1, phiReason2, ...). */
    public static final Set<String> PREFIXES = Set.of(ProcessVariables.PHI_REASON_PREFIX);

    /** Whether a variable of this name is kept out of history. */
    public static boolean isPrivate(String name) {
        return name != null && (NAMES.contains(name) || PREFIXES.stream().anyMatch(name::startsWith));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
    }

    /** Passes every history event on, except the variable and form-field events of {@link #NAMES}. */
    static final class Filter implements HistoryEventHandler {

        private final HistoryEventHandler next;

        Filter(HistoryEventHandler next) {
            this.next = next;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isPrivate(event)) {
                next.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            next.handleEvents(events.stream().filter(e -> !isPrivate(e)).toList());
        }

        static boolean isPrivate(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable) {
                return PrivateVariables.isPrivate(variable.getVariableName());
            }
            if (event instanceof HistoricFormPropertyEventEntity field) {
                return PrivateVariables.isPrivate(field.getPropertyId());
            }
            return false;
        }
    }
}
