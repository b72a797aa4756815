package org.carepost.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A health claim stored per version (the medical reviewer's checklist). */
@Entity
@Immutable
@Table(name = "health_claim")
public class HealthClaimRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "content_id")
    private UUID contentId;

    @Column(name = "version_no")
    private int versionNo;

    @Column(name = "claim_type")
    private String claimType;

    @Column(name = "start_offset")
    private int startOffset;

    @Column(name = "end_offset")
    private int endOffset;

    private String phrase;

    protected HealthClaimRecord() {
    }

    public HealthClaimRecord(UUID contentId, int versionNo, HealthClaim claim) {
        this.contentId = contentId;
        this.versionNo = versionNo;
        this.claimType = claim.type().code();
        this.startOffset = claim.start();
        this.endOffset = claim.end();
        this.phrase = claim.phrase().length() > 200 ? claim.phrase().substring(0, 200) : claim.phrase();
    }

    public String getClaimType() { return claimType; }
    public int getStartOffset() { return startOffset; }
    public int getEndOffset() { return endOffset; }
    public String getPhrase() { return phrase; }
}
