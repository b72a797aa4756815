package org.carepost.process.modelchange;

import java.util.function.Supplier;
import org.carepost.process.engine.Refusals;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The model-change process's variables, and its refusals as the engine's clients expect them (403 or 400). */
final class ModelChangeSteps {

    static final String PROCESS_KEY = "model-change";
    static final String PROPOSAL = "proposalDeploymentId";
    static final String VIEW = "modelChangeView";
    static final String CHECKS_PASSED = "checksPassed";
    static final String FAILED_FINDINGS = "failedFindings";
    static final String DECISION = "decision";
    static final String COMMENT = "comment";
    static final String APPROVED = "approved";
    static final String ACTIVATED_AS = "activatedDeploymentId";
    static final String ON_OLDER_VERSIONS = "runningOnOlderVersions";

    private ModelChangeSteps() {
    }

    static String proposal(VariableScope scope) {
        Object id = scope.getVariable(PROPOSAL);
        if (id == null) {
            throw new IllegalStateException("model-change runs with variable " + PROPOSAL);
        }
        return id.toString();
    }

    static <T> T refusing(Supplier<T> step) {
        return Refusals.refusing(step, ModelChangeRefused.class, ModelChangeRefused::forbidden);
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
