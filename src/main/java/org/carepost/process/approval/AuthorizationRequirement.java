package org.carepost.process.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.carepost.consent.ConsentCoverage;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/** Gateway "Authorization needed?": {@code ${authorizationRequirement.needed(execution)}}. */
@Component
public class AuthorizationRequirement {

    private final ConsentCoverage coverage;

    public AuthorizationRequirement(ConsentCoverage coverage) {
        this.coverage = coverage;
    }

    public boolean needed(DelegateExecution execution) {
        return coverage.needed(ProcessVariables.contentId(execution));
    }
}
