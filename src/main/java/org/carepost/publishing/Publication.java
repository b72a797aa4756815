package org.carepost.publishing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version on one platform and account. Written before the network is called; the key is unique. */
@Entity
@Table(name = "publication")
public class Publication {

    public enum Status { PENDING, PUBLISHED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "content_id")
    private UUID contentId;

    @Column(name = "version_no")
    private int versionNo;

    @Column(name = "version_hash")
    private String versionHash;
    private String platform;
    private String account;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    @Column(name = "external_id")
    private String externalId;
    private String url;

    @Column(name = "published_hash")
    private String publishedHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected Publication() {
    }

    Publication(UUID contentId, int versionNo, String versionHash, String platform, String account,
                String idempotencyKey, Instant createdAt) {
        this.contentId = contentId;
        this.versionNo = versionNo;
        this.versionHash = versionHash;
        this.platform = platform;
        this.account = account;
        this.idempotencyKey = idempotencyKey;
        this.status = Status.PENDING;
        this.createdAt = createdAt;
    }

    void published(PublishResult result, String publishedHash, Instant at) {
        this.status = Status.PUBLISHED;
        this.externalId = result.externalId();
        this.url = result.url();
        this.publishedHash = publishedHash;
        this.publishedAt = at;
    }

    public Long getId() { return id; }
    public UUID getContentId() { return contentId; }
    public int getVersionNo() { return versionNo; }
    public String getVersionHash() { return versionHash; }
    public String getPlatform() { return platform; }
    public String getAccount() { return account; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public Status getStatus() { return status; }
    public String getExternalId() { return externalId; }
    public String getUrl() { return url; }
    public String getPublishedHash() { return publishedHash; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getPublishedAt() { return publishedAt; }
}
