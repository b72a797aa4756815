package org.carepost.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** The routing decided for one version: what approvals the freeze requires. */
@Entity
@Immutable
@Table(name = "review_routing")
public class RoutingRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "content_id")
    private UUID contentId;

    @Column(name = "version_no")
    private int versionNo;

    @Column(name = "version_hash")
    private String versionHash;

    private String reviews;

    @Column(name = "signoff_departments")
    private String signoffDepartments;

    private String sla;

    @Column(name = "publish_immediately")
    private boolean publishImmediately;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected RoutingRecord() {
    }

    public RoutingRecord(UUID contentId, int versionNo, String versionHash, RoutingOutcome outcome, Instant decidedAt) {
        this.contentId = contentId;
        this.versionNo = versionNo;
        this.versionHash = versionHash;
        this.reviews = outcome.reviewsValue();
        this.signoffDepartments = outcome.signoffDepartmentsValue();
        this.sla = outcome.sla();
        this.publishImmediately = outcome.publishImmediately();
        this.decidedAt = decidedAt;
    }

    public int getVersionNo() { return versionNo; }
    public String getVersionHash() { return versionHash; }
    public String getSla() { return sla; }
    public boolean isPublishImmediately() { return publishImmediately; }

    public List<ReviewKind> reviewKinds() {
        return split(reviews).stream().map(c -> ReviewKind.forReviewCode(c).orElseThrow()).toList();
    }

    public List<String> departments() {
        return split(signoffDepartments);
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
    }
}
