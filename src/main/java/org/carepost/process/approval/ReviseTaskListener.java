package org.carepost.process.approval;

import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStatus;
import org.carepost.content.InvalidContentException;
import org.carepost.phi.RedactionPlaceholders;
import org.carepost.review.SegregationOfDutiesException;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;
import org.carepost.process.forms.FormRefusal;

/**
 * The author's Revise task, after a change request or a redaction. On create the form's view is refreshed with the
 * reviewers' comments and what the privacy office removed (by type); on completion a new version must exist, and it
 * may not keep a redaction placeholder such as [NAME].
 */
@Component
public class ReviseTaskListener implements TaskListener {

    private final ContentService contents;
    private final DraftViewVariable draftView;

    public ReviseTaskListener(ContentService contents, DraftViewVariable draftView) {
        this.contents = contents;
        this.draftView = draftView;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID contentId = ProcessVariables.contentId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            draftView.write(task.getExecution().getProcessInstance(), contentId);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String actor = ProcessVariables.currentUser(task);
            String author = contents.get(contentId).getAuthor();
            if (!author.equals(actor)) {
                throw new SegregationOfDutiesException("Only the author of a draft may revise it.");
            }
            Object revised = task.getVariable(ProcessVariables.REVISED_TEXT);
            if (revised != null && !revised.toString().isBlank()) {
                String text = revised.toString();
                if (RedactionPlaceholders.present(text)) {
                    throw new FormRefusal("Revised text: replace " + String.join(" and ", RedactionPlaceholders.in(text))
                            + " with your own words, or leave that detail out. A post with a placeholder is never "
                            + "published.");
                }
                try {
                    contents.addVersion(contentId, text, actor);
                } catch (InvalidContentException e) {
                    throw FormRefusal.of("Revised text", e);
                }
                task.getExecution().removeVariable(ProcessVariables.REVISED_TEXT);
            }
            if (contents.get(contentId).getStatus() == ContentStatus.CHANGES_REQUESTED) {
                throw new FormRefusal("Revised text: write the new version of your post before you complete this task.");
            }
        }
    }
}
