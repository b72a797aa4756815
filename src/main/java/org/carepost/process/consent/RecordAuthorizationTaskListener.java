package org.carepost.process.consent;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carepost.consent.ConsentCoverage;
import org.carepost.content.ContentService;
import org.springframework.stereotype.Component;
import org.carepost.process.approval.DraftViewVariable;
import org.carepost.process.engine.ProcessVariables;
import org.carepost.process.forms.FormRefusal;

/**
 * "Choose or record the patient's authorization" and the author's "Draft stopped" notice. On create: which post the
 * task is about (title, kind, platforms, details kept under the authorization) goes into the instance's
 * {@code draftView}, without the draft's text (neither form needs it); the authorization itself lives in our tables.
 * On complete: the draft must have an authorization chosen on the authorization page that covers it, or the task
 * stays open with a sentence saying why (no more "accepted, vanished, came back").
 */
@Component
public class RecordAuthorizationTaskListener implements TaskListener {

    private final DraftViewVariable draftView;
    private final ConsentCoverage coverage;
    private final ContentService contents;

    public RecordAuthorizationTaskListener(DraftViewVariable draftView, ConsentCoverage coverage,
                                           ContentService contents) {
        this.draftView = draftView;
        this.coverage = coverage;
        this.contents = contents;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID contentId = ProcessVariables.contentId(task);
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            if (contents.get(contentId).getConsentId() == null) {
                throw new FormRefusal("Patient authorization: none chosen yet. Open the authorization page (link "
                        + "above), pick the patient's authorization or record the signed form there; choosing it "
                        + "completes this task.");
            }
            List<String> gaps = coverage.gapsOfLinked(contentId);
            if (!gaps.isEmpty()) {
                throw new FormRefusal("Patient authorization: the one chosen does not cover this post ("
                        + String.join("; ", gaps) + "). Choose another on the authorization page.");
            }
        } else {
            draftView.writeSummary(task.getExecution().getProcessInstance(), contentId);
        }
    }
}
