package org.carepost.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.consent.ConsentCoverage;
import org.springframework.stereotype.Component;

/** "Check authorization on file": the draft may already name a valid authorization that covers it. */
@Component("checkAuthorizationOnFile")
public class CheckAuthorizationOnFileDelegate implements JavaDelegate {

    private final ConsentCoverage coverage;

    public CheckAuthorizationOnFileDelegate(ConsentCoverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> gaps = coverage.gapsOfLinked(ProcessVariables.contentId(execution));
        execution.setVariable(ConsentVariables.AUTHORIZATION_VALID, gaps.isEmpty());
        execution.setVariable(ConsentVariables.AUTHORIZATION_PROBLEMS, String.join("\n", gaps));
    }
}
