package org.carepost.process.offboarding;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.carepost.offboarding.CredentialRotation;
import org.springframework.stereotype.Component;

/**
 * "List managed publishing accounts": the accounts whose credentials the brand team rotates, as the checklist's
 * options (a JSON list of {label, value}, the form's {@code valuesKey}). Platform and account names only.
 */
@Component
public class ListAccountsDelegate implements JavaDelegate {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final CredentialRotation rotation;

    public ListAccountsDelegate(CredentialRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> accounts = rotation.accountsToRotate(execution.getProcessInstanceId());
        List<Map<String, String>> options = accounts.stream().map(a -> Map.of("label", a, "value", a)).toList();
        try {
            execution.setVariable(OffboardingSteps.ACCOUNT_OPTIONS,
                    SpinValues.jsonValue(JSON.writeValueAsString(options)).create());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("account names could not be written as JSON", e);
        }
        execution.setVariable(OffboardingSteps.ACCOUNT_COUNT, accounts.size());
    }
}
