package org.carepost.process.consent;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.consent.LinkedAuthorizationCheck;
import org.carepost.process.engine.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * "Validate authorization": asks {@link LinkedAuthorizationCheck} (which audits) whether the authorization chosen for
 * the draft covers it; invalid (say, revoked in the meantime): the list of what is missing goes back to the task.
 */
@Component
public class ValidateAuthorizationDelegate implements JavaDelegate {

    private final LinkedAuthorizationCheck check;

    public ValidateAuthorizationDelegate(LinkedAuthorizationCheck check) {
        this.check = check;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = check.validate(ProcessVariables.contentId(execution), actor(execution),
                execution.getProcessInstanceId());
        execution.setVariable(ConsentVariables.AUTHORIZATION_VALID, problems.isEmpty());
        execution.setVariable(ConsentVariables.AUTHORIZATION_PROBLEMS, String.join("\n", problems));
    }

    /** The user completing the task that led here, else the engine itself. */
    private static String actor(DelegateExecution execution) {
        var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null || auth.getUserId() == null ? ProcessVariables.SYSTEM_ACTOR : auth.getUserId();
    }
}
