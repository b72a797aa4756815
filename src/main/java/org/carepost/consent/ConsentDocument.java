package org.carepost.consent;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** The signed authorization as uploaded (metadata stripped where the format allows), with its SHA-256. */
@Entity
@Immutable
@Table(name = "consent_document")
public class ConsentDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "consent_id")
    private UUID consentId;
    @Column(name = "media_type")
    private String mediaType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    @Column(name = "original_sha256")
    private String originalSha256;
    @Column(name = "metadata_stripped")
    private boolean metadataStripped;
    @Basic(fetch = FetchType.LAZY)
    private byte[] body;
    @Column(name = "uploaded_by")
    private String uploadedBy;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected ConsentDocument() {
    }

    ConsentDocument(UUID consentId, DocumentSanitizer.Sanitized doc, String uploadedBy, Instant uploadedAt) {
        this.consentId = consentId;
        this.mediaType = doc.mediaType();
        this.body = doc.bytes();
        this.sizeBytes = doc.bytes().length;
        this.sha256 = doc.sha256();
        this.originalSha256 = doc.originalSha256();
        this.metadataStripped = doc.metadataStripped();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() { return id; }
    public UUID getConsentId() { return consentId; }
    public String getMediaType() { return mediaType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public String getOriginalSha256() { return originalSha256; }
    public boolean isMetadataStripped() { return metadataStripped; }
    public byte[] getBody() { return body; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
}
