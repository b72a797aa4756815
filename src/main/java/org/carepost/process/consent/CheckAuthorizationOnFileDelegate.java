package org.carepost.process.consent;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.consent.ConsentCoverage;
import org.carepost.content.ContentService;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/** "Check authorization on file": the draft may already name a valid authorization that covers it. */
@Component
public class CheckAuthorizationOnFileDelegate implements JavaDelegate {

    private final ConsentCoverage coverage;
    private final ContentService contents;

    public CheckAuthorizationOnFileDelegate(ConsentCoverage coverage, ContentService contents) {
        this.coverage = coverage;
        this.contents = contents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID contentId = ProcessVariables.contentId(execution);
        List<String> gaps = coverage.gapsOfLinked(contentId);
        execution.setVariable(ConsentVariables.AUTHORIZATION_VALID, gaps.isEmpty());
        // "Why the last authorization was not accepted" only when one was named: none yet is no problem to report.
        execution.setVariable(ConsentVariables.AUTHORIZATION_PROBLEMS,
                contents.get(contentId).getConsentId() == null ? "" : String.join("\n", gaps));
    }
}
