package org.carepost.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A reviewer's decision on one exact version (bound by its SHA-256). */
@Entity
@Immutable
@Table(name = "approval")
public class Approval {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "content_id")
    private UUID contentId;

    @Column(name = "version_no")
    private int versionNo;

    @Column(name = "version_hash")
    private String versionHash;

    private String review;
    private String reviewer;
    private String decision;
    private String comment;

    @Column(name = "task_id")
    private String taskId;

    @Column(name = "decided_at")
    private Instant decidedAt;

    /** For a sign-off: the department whose head signed (cross-department posts have several). */
    private String department;

    protected Approval() {
    }

    public Approval(UUID contentId, int versionNo, String versionHash, ReviewKind review, String reviewer,
                    Decision decision, String comment, String taskId, Instant decidedAt) {
        this.contentId = contentId;
        this.versionNo = versionNo;
        this.versionHash = versionHash;
        this.review = review.code();
        this.reviewer = reviewer;
        this.decision = decision.code();
        this.comment = comment;
        this.taskId = taskId;
        this.decidedAt = decidedAt;
    }

    public Approval(UUID contentId, int versionNo, String versionHash, ReviewKind review, String reviewer,
                    Decision decision, String comment, String taskId, Instant decidedAt, String department) {
        this(contentId, versionNo, versionHash, review, reviewer, decision, comment, taskId, decidedAt);
        this.department = department;
    }

    public UUID getContentId() { return contentId; }
    public int getVersionNo() { return versionNo; }
    public String getVersionHash() { return versionHash; }
    public String getReview() { return review; }
    public String getReviewer() { return reviewer; }
    public String getDecision() { return decision; }
    public String getComment() { return comment; }
    public String getTaskId() { return taskId; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDepartment() { return department; }
}
