package org.carepost.process;

import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStatus;
import org.carepost.review.ReviewContext;
import org.carepost.review.ReviewService;
import org.carepost.review.SegregationOfDutiesException;
import org.springframework.stereotype.Component;

/** The author's Revise task: shows the reviewers' comments; on completion a new version must exist. */
@Component("reviseTaskListener")
public class ReviseTaskListener implements TaskListener {

    private final ContentService contents;
    private final ReviewService reviews;

    public ReviseTaskListener(ContentService contents, ReviewService reviews) {
        this.contents = contents;
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID contentId = ProcessVariables.contentId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            ReviewContext context = reviews.context(contentId);
            task.setVariableLocal("contentTitle", context.title());
            task.setVariableLocal("contentText", context.text());
            task.setVariableLocal("reviewComments", reviews.changeRequestComments(contentId));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String actor = ProcessVariables.currentUser(task);
            String author = contents.get(contentId).getAuthor();
            if (!author.equals(actor)) {
                throw new SegregationOfDutiesException("Only the author of a draft may revise it.");
            }
            Object revised = task.getVariable(ProcessVariables.REVISED_TEXT);
            if (revised != null && !revised.toString().isBlank()) {
                contents.addVersion(contentId, revised.toString(), actor);
                task.getExecution().removeVariable(ProcessVariables.REVISED_TEXT);
            }
            if (contents.get(contentId).getStatus() == ContentStatus.CHANGES_REQUESTED) {
                throw new BadUserRequestException("Write the revised text in the form (or POST it to "
                        + "/api/content/" + contentId + "/versions) before completing the revision.");
            }
        }
    }
}
