package org.carepost.process.engine;

import org.camunda.bpm.engine.variable.Variables;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** The few variables the processes carry: ids and decisions. The content itself lives in our tables. */
public final class ProcessVariables {

    public static final String PROCESS_KEY = "content-approval";
    public static final String CONTENT_ID = "contentId";
    public static final String AUTHOR = "author";
    public static final String DEPARTMENT = "department";
    public static final String PUBLISH_AT = "publishAt";
    public static final String APPROVED_HASH = "approvedHash";
    /** The decision and comment a review or sign-off task is completed with. */
    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";
    /** The text the author types into the Revise form (alternative to POST /api/content/{id}/versions). */
    public static final String REVISED_TEXT = "revisedText";
    /** The forms' JSON view of the draft (written by approval's DraftViewVariable, kept out of history). */
    public static final String DRAFT_VIEW = "draftView";
    /** The medical review form's sources for health claims (kept out of history). */
    public static final String CLAIM_SOURCES = "claimSources";
    /** Prefix of the Resolve PHI form's numbered "not PHI" reasons: phiReason1, phiReason2, ... (kept out of history). */
    public static final String PHI_REASON_PREFIX = "phiReason";
    /** Who acts when the engine itself does a step. */
    public static final String SYSTEM_ACTOR = "carepost";

    private ProcessVariables() {
    }

    /**
     * A value only a gateway later in the same command reads: transient, so it costs no runtime or history row.
     * An instance started before the value became transient holds it as a stored variable, which Camunda lets
     * neither a transient value replace nor (within the command) be removed and set anew: it keeps storing it.
     */
    public static void setTransient(VariableScope scope, String name, TypedValue transientValue) {
        if (!transientValue.isTransient()) {
            throw new IllegalArgumentException(name + ": not a transient value");
        }
        TypedValue stored = scope.hasVariableLocal(name) ? scope.getVariableLocalTyped(name) : null;
        scope.setVariableLocal(name, stored != null && !stored.isTransient()
                ? Variables.untypedValue(transientValue.getValue()) : transientValue);
    }

    /**
     * The content id is the business key: task holders may edit process variables, but not the business key, so
     * decisions can never be redirected to another draft.
     */
    public static UUID contentId(DelegateExecution execution) {
        return UUID.fromString(execution.getProcessBusinessKey());
    }

    public static UUID contentId(DelegateTask task) {
        return contentId(task.getExecution());
    }

    /** The current user's groups, empty if nobody is authenticated. */
    public static java.util.List<String> currentGroups(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? java.util.List.of()
                : authentication.getGroupIds();
    }

    /** The user on whose behalf the engine is running this command, or null. */
    public static String currentUser(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
