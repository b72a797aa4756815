package org.carepost.phi;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One detected identifier in one field (text or title) of one content version, by character range: the PHI text is
 * never stored here. A "not PHI" dismissal keeps its reviewer's short reason (checked not to quote the text).
 */
@Entity
@Table(name = "phi_finding")
public class PhiFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "content_id")
    private UUID contentId;

    @Column(name = "version_no")
    private int versionNo;

    @Column(name = "start_offset")
    private int start;

    @Column(name = "end_offset")
    private int end;

    @Enumerated(EnumType.STRING)
    @Column(name = "field_name")
    private PhiField field;

    @Enumerated(EnumType.STRING)
    @Column(name = "phi_type")
    private PhiType type;

    @Enumerated(EnumType.STRING)
    private PhiFindingStatus status;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "found_at")
    private Instant foundAt;

    /** Why the privacy office decided as it did (required for "not PHI"); never the finding's text. */
    private String reason;

    /** The finding of an earlier version whose decision this one carries (the same span, unchanged). */
    @Column(name = "carried_from")
    private Long carriedFrom;

    protected PhiFinding() {
    }

    public PhiFinding(UUID contentId, int versionNo, int start, int end, PhiType type, Instant foundAt) {
        this(contentId, versionNo, PhiField.TEXT, start, end, type, foundAt);
    }

    public PhiFinding(UUID contentId, int versionNo, PhiField field, int start, int end, PhiType type,
                      Instant foundAt) {
        this.contentId = contentId;
        this.field = field;
        this.versionNo = versionNo;
        this.start = start;
        this.end = end;
        this.type = type;
        this.status = PhiFindingStatus.OPEN;
        this.foundAt = foundAt;
    }

    public Long getId() { return id; }
    public UUID getContentId() { return contentId; }
    public int getVersionNo() { return versionNo; }
    public int getStart() { return start; }
    public int getEnd() { return end; }
    public PhiType getType() { return type; }
    public PhiFindingStatus getStatus() { return status; }
    public String getResolvedBy() { return resolvedBy; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Instant getFoundAt() { return foundAt; }
    public PhiField getField() { return field; }
    public String getReason() { return reason; }
    public Long getCarriedFrom() { return carriedFrom; }

    public boolean isOpen() {
        return status == PhiFindingStatus.OPEN;
    }

    boolean sameSpan(PhiField f, int s, int e, PhiType t) {
        return field == f && start == s && end == e && type == t;
    }

    void resolve(PhiFindingStatus newStatus, String actor, Instant at) {
        resolve(newStatus, actor, at, null);
    }

    void resolve(PhiFindingStatus newStatus, String actor, Instant at, String why) {
        this.status = newStatus;
        this.resolvedBy = actor;
        this.resolvedAt = at;
        this.reason = why;
    }

    /** This finding takes over the decision of {@code earlier} (same span in an earlier version). */
    void carry(PhiFinding earlier) {
        resolve(earlier.status, earlier.resolvedBy, earlier.resolvedAt, earlier.reason);
        this.carriedFrom = earlier.carriedFrom != null ? earlier.carriedFrom : earlier.id;
    }
}
