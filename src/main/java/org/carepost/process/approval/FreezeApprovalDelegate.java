package org.carepost.process.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.content.ContentService;
import org.carepost.review.ReviewService;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/** "Freeze approved version": records the hash every later step must match. */
@Component
public class FreezeApprovalDelegate implements JavaDelegate {

    private final ReviewService reviews;
    private final ContentService contents;

    public FreezeApprovalDelegate(ReviewService reviews, ContentService contents) {
        this.reviews = reviews;
        this.contents = contents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var contentId = ProcessVariables.contentId(execution);
        reviews.assertFullyApproved(contentId);
        String hash = contents.freezeApproval(contentId, ProcessVariables.SYSTEM_ACTOR, execution.getProcessInstanceId());
        execution.setVariable(ProcessVariables.APPROVED_HASH, hash);
    }
}
