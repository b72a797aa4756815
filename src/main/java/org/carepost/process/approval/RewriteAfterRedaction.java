package org.carepost.process.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.content.ContentService;
import org.carepost.phi.RedactionPlaceholders;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/**
 * Gateway "Placeholders in the text?" ({@code ${rewriteAfterRedaction.needed(execution)}}) and the service task "Ask
 * the author to rewrite": a redacted version reads "[NAME] from [GEO] says ...", which nobody may review for
 * publication, so it goes back to its author (the draft is waiting for a revision, as after a change request).
 */
@Component
public class RewriteAfterRedaction implements JavaDelegate {

    private final ContentService contents;

    public RewriteAfterRedaction(ContentService contents) {
        this.contents = contents;
    }

    public boolean needed(DelegateExecution execution) {
        return RedactionPlaceholders.present(contents.currentVersion(ProcessVariables.contentId(execution)).getBody());
    }

    @Override
    public void execute(DelegateExecution execution) {
        contents.changesRequested(ProcessVariables.contentId(execution));
    }
}
