package org.carepost.phi;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An image attached to a draft, stored without metadata. */
@Entity
@Table(name = "media")
public class MediaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "content_id")
    private UUID contentId;

    @Column(name = "media_type")
    private String mediaType;

    @Column(name = "size_bytes")
    private int sizeBytes;

    private String sha256;

    private byte[] bytes;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected MediaItem() {
    }

    public MediaItem(UUID contentId, String mediaType, byte[] bytes, String sha256, String uploadedBy, Instant at) {
        this.contentId = contentId;
        this.mediaType = mediaType;
        this.bytes = bytes;
        this.sizeBytes = bytes.length;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = at;
    }

    public Long getId() { return id; }
    public UUID getContentId() { return contentId; }
    public String getMediaType() { return mediaType; }
    public int getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public byte[] getBytes() { return bytes; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
}
