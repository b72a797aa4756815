package org.carepost.review;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a review or sign-off decision, before it is recorded: segregation of duties, a decision of the three
 * known ones, a comment when changes are requested or the draft is rejected (at most 4000 characters), a cited source
 * per health claim in the medical review. A refusal is a sentence for the user and records nothing.
 */
@Service
public class ReviewDecisions {

    static final int MAX_COMMENT = 4000;

    private final ReviewService reviews;
    private final DepartmentHeads departmentHeads;

    public ReviewDecisions(ReviewService reviews, DepartmentHeads departmentHeads) {
        this.reviews = reviews;
        this.departmentHeads = departmentHeads;
    }

    /**
     * What a reviewer submitted on a task, as the form delivered it: {@code signoffDepartment} is the department the
     * sign-off task was created for (null for reviews), {@code claimCount} the health claims the medical review must
     * source.
     */
    public record Submission(UUID contentId, ReviewKind kind, String seenHash, String reviewer,
                             Collection<String> reviewerGroups, String signoffDepartment, Object decision,
                             Object comment, int claimCount, Object claimSources, String processInstanceId,
                             String taskId) {
    }

    /** Checks the submission and records the decision (bound to the version the reviewer saw); returns it. */
    @Transactional
    public Decision decide(Submission s) {
        ReviewContext context = reviews.context(s.contentId());
        String department = s.kind() == ReviewKind.SIGNOFF && s.signoffDepartment() != null ? s.signoffDepartment()
                : context.department();
        SegregationOfDuties.check(s.reviewer(), s.reviewerGroups(), context.author(), s.kind(),
                s.kind() == ReviewKind.SIGNOFF ? departmentHeads.of(department) : List.of(), department);

        Decision decision = Decision.fromCode(s.decision()).orElseThrow(() ->
                new BadUserRequestException("Complete this task with variable 'decision' = approve, changes or reject."));
        String comment = s.comment() == null ? null : s.comment().toString().strip();
        if (decision != Decision.APPROVE && (comment == null || comment.isEmpty())) {
            throw new BadUserRequestException("A comment is required when requesting changes or rejecting.");
        }
        if (s.kind() == ReviewKind.MEDICAL) {
            MedicalReviewCheck.check(decision, s.claimCount(), s.claimSources());
            if (s.claimSources() != null && !s.claimSources().toString().isBlank()) {
                comment = ((comment == null || comment.isEmpty()) ? "" : comment + "\n") + "Sources:\n"
                        + s.claimSources().toString().strip();
            }
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new BadUserRequestException("The comment must be at most " + MAX_COMMENT + " characters.");
        }
        reviews.record(s.contentId(), s.seenHash(), s.kind(), s.reviewer(), decision, comment, s.processInstanceId(),
                s.taskId(), s.kind() == ReviewKind.SIGNOFF ? department : null);
        return decision;
    }
}
