package org.carepost.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.carepost.consent.ConsentCoverage;
import org.springframework.stereotype.Component;

/** Gateway "Authorization needed?": {@code ${authorizationRequirement.needed(execution)}}. */
@Component("authorizationRequirement")
public class AuthorizationRequirement {

    private final ConsentCoverage coverage;

    public AuthorizationRequirement(ConsentCoverage coverage) {
        this.coverage = coverage;
    }

    public boolean needed(DelegateExecution execution) {
        return coverage.needed(ProcessVariables.contentId(execution));
    }
}
