package org.carepost.review;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final RoutingRecordRepository routings;

    public ReviewService(ContentService contents, ApprovalRepository approvals, AuditTrail audit, Clock clock,
                         RoutingRecordRepository routings) {
        this.contents = contents;
        this.approvals = approvals;
        this.audit = audit;
        this.clock = clock;
        this.routings = routings;
    }

    @Transactional(readOnly = true)
    public ReviewContext context(UUID contentId) {
        ContentItem item = contents.get(contentId);
        ContentVersion version = contents.currentVersion(contentId);
        return new ReviewContext(item.getId(), item.getTitle(), item.getKind().code(), item.getAuthor(),
                item.getDepartment(), version.getVersionNo(), version.getSha256(), version.getBody());
    }

    /** What the reviewer approves besides the text: its rendering for each platform, as it will be published. */
    @Transactional(readOnly = true)
    public String renderingsForReview(UUID contentId, int versionNo) {
        StringBuilder shown = new StringBuilder();
        contents.renderings(contentId, versionNo).forEach((platform, body) ->
                shown.append("--- ").append(platform).append(" ---\n").append(body).append("\n\n"));
        return shown.toString().strip();
    }

    /**
     * Records one decision. The version the reviewer saw (its hash) must still be the current one: a decision is
     * never transferred to a text the reviewer did not see.
     */
    @Transactional
    public Approval record(UUID contentId, String seenHash, ReviewKind kind, String reviewer, Decision decision,
                           String comment, String processInstanceId, String taskId) {
        return record(contentId, seenHash, kind, reviewer, decision, comment, processInstanceId, taskId, null);
    }

    /** As above; {@code department} names the department a sign-off is for (null for reviews). */
    @Transactional
    public Approval record(UUID contentId, String seenHash, ReviewKind kind, String reviewer, Decision decision,
                           String comment, String processInstanceId, String taskId, String department) {
        ContentVersion current = contents.currentVersion(contentId);
        if (seenHash != null && !seenHash.equals(current.getSha256())) {
            throw new StaleVersionException("The draft changed after this task was opened (version "
                    + current.getVersionNo() + " is current); reload the task and decide on the current text.");
        }
        Approval approval = approvals.save(new Approval(contentId, current.getVersionNo(), current.getSha256(), kind,
                reviewer, decision, comment, taskId, clock.instant(), department));
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
     * The approvals the freeze relies on: every review routed for the current version and the sign-off of every
     * routed department approved the current version (by hash), never by its author, and at least two different
     * people stand behind it. Without a stored routing (drafts started before routing existed) the classic set
     * applies: privacy, legal, brand and the author's department.
     */
    @Transactional(readOnly = true)
    public void assertFullyApproved(UUID contentId) {
        ContentItem item = contents.get(contentId);
        ContentVersion current = contents.currentVersion(contentId);
        List<Approval> onVersion = approvals.findByContentIdAndVersionNoOrderById(contentId, current.getVersionNo());
        Optional<RoutingRecord> routing = routings.findFirstByContentIdAndVersionNoOrderByIdDesc(contentId,
                current.getVersionNo());
        List<ReviewKind> required = routing.map(RoutingRecord::reviewKinds)
                .orElse(List.of(ReviewKind.PRIVACY, ReviewKind.LEGAL, ReviewKind.BRAND));
        List<String> departments = routing.map(RoutingRecord::departments).orElse(List.of(item.getDepartment()));
        Set<String> approvers = new HashSet<>();
        for (ReviewKind kind : required) {
            Approval approval = latestApproval(onVersion, kind, null, current, item)
                    .orElseThrow(() -> notFrozen(contentId, current, "an approved " + kind.code() + " decision"));
            approvers.add(approval.getReviewer());
        }
        for (String department : departments) {
            Approval approval = latestApproval(onVersion, ReviewKind.SIGNOFF, department, current, item)
                    .orElseThrow(() -> notFrozen(contentId, current, "the sign-off of department " + department));
            approvers.add(approval.getReviewer());
        }
        if (approvers.size() < 2) {
            throw notFrozen(contentId, current, "approvals by at least two different people");
        }
    }

    private static Optional<Approval> latestApproval(List<Approval> onVersion, ReviewKind kind, String department,
                                                     ContentVersion current, ContentItem item) {
        return onVersion.stream()
                .filter(a -> a.getReview().equals(kind.code()))
                .filter(a -> department == null || department.equals(a.getDepartment())
                        || (a.getDepartment() == null && department.equals(item.getDepartment())))
                .reduce((first, second) -> second)
                .filter(a -> Decision.APPROVE.code().equals(a.getDecision())
                        && current.getSha256().equals(a.getVersionHash())
                        && !a.getReviewer().equals(item.getAuthor()));
    }

    private static IllegalStateException notFrozen(UUID contentId, ContentVersion current, String what) {
        return new IllegalStateException("Content " + contentId + " version " + current.getVersionNo()
                + " lacks " + what + "; it cannot be frozen.");
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
