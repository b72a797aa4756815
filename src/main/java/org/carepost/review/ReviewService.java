package org.carepost.review;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.carepost.content.ContentItem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records review and sign-off decisions, each bound to the hash of the version decided on. */
@Service
public class ReviewService {

    private final ContentService contents;
    private final ApprovalRepository approvals;
    private final AuditTrail audit;
    private final Clock clock;

    public ReviewService(ContentService contents, ApprovalRepository approvals, AuditTrail audit, Clock clock) {
        this.contents = contents;
        this.approvals = approvals;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ReviewContext context(UUID contentId) {
        ContentItem item = contents.get(contentId);
        ContentVersion version = contents.currentVersion(contentId);
        return new ReviewContext(item.getId(), item.getTitle(), item.getKind().code(), item.getAuthor(),
                item.getDepartment(), version.getVersionNo(), version.getSha256(), version.getBody());
    }

    /**
     * Records one decision. The version the reviewer saw (its hash) must still be the current one: a decision is
     * never transferred to a text the reviewer did not see.
     */
    @Transactional
    public Approval record(UUID contentId, String seenHash, ReviewKind kind, String reviewer, Decision decision,
                           String comment, String processInstanceId, String taskId) {
        ContentVersion current = contents.currentVersion(contentId);
        if (seenHash != null && !seenHash.equals(current.getSha256())) {
            throw new StaleVersionException("The draft changed after this task was opened (version "
                    + current.getVersionNo() + " is current); reload the task and decide on the current text.");
        }
        Approval approval = approvals.save(new Approval(contentId, current.getVersionNo(), current.getSha256(), kind,
                reviewer, decision, comment, taskId, clock.instant()));
        AuditAction action = kind == ReviewKind.SIGNOFF ? AuditAction.SIGNOFF : AuditAction.REVIEW;
        audit.record(AuditEntry.of(reviewer, action, contentId, current.getSha256())
                .withDecision(decision.code(), comment).inProcess(processInstanceId, taskId));
        switch (decision) {
            case CHANGES -> contents.changesRequested(contentId);
            case REJECT -> { /* the process marks the draft rejected in its own step */ }
            case APPROVE -> { }
        }
        return approval;
    }

    /**
     * The approvals the freeze relies on: every review and the sign-off approved the current version (by hash),
     * and never by its author.
     */
    @Transactional(readOnly = true)
    public void assertFullyApproved(UUID contentId) {
        ContentItem item = contents.get(contentId);
        ContentVersion current = contents.currentVersion(contentId);
        List<Approval> onVersion = approvals.findByContentIdAndVersionNoOrderById(contentId, current.getVersionNo());
        for (ReviewKind kind : ReviewKind.values()) {
            boolean approved = onVersion.stream()
                    .filter(a -> a.getReview().equals(kind.code()))
                    .reduce((first, second) -> second)
                    .filter(a -> Decision.APPROVE.code().equals(a.getDecision())
                            && current.getSha256().equals(a.getVersionHash())
                            && !a.getReviewer().equals(item.getAuthor()))
                    .isPresent();
            if (!approved) {
                throw new IllegalStateException("Content " + contentId + " version " + current.getVersionNo()
                        + " lacks an approved " + kind.code() + " decision; it cannot be frozen.");
            }
        }
    }

    /** The comments of the latest round of change requests, shown to the author in the Revise task. */
    @Transactional(readOnly = true)
    public String changeRequestComments(UUID contentId) {
        ContentItem item = contents.get(contentId);
        return approvals.findByContentIdAndVersionNoOrderById(contentId, item.getCurrentVersionNo()).stream()
                .filter(a -> !Decision.APPROVE.code().equals(a.getDecision()))
                .map(a -> a.getReview() + " (" + a.getReviewer() + "): " + (a.getComment() == null ? "" : a.getComment()))
                .collect(Collectors.joining("\n"));
    }

    @Transactional(readOnly = true)
    public List<Approval> history(UUID contentId) {
        return approvals.findByContentIdOrderById(contentId);
    }
}
