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

    /**
     * PENDING: written, not (yet) on the network; PUBLISHED: the network has it; FAILED: the network refused it
     * for good (AUTHENTICATION/PERMANENT); IN_DOUBT: a call's outcome is unknown and the network offers no way to
     * ask, so nobody guesses (incident); DELETED: taken down on the network.
     */
    public enum Status { PENDING, PUBLISHED, FAILED, IN_DOUBT, DELETED }

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

    /** Network calls started for this publication. */
    private int attempts;

    /** A call was started and its outcome is not known yet (timeout, dropped connection, crash). */
    @Column(name = "in_flight")
    private boolean inFlight;

    /** Kind and the network's error code/message of the last failure, never the post text. */
    @Column(name = "last_error")
    private String lastError;

    @Column(name = "deleted_at")
    private Instant deletedAt;

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

    void attemptStarted() {
        this.status = Status.PENDING;
        this.attempts++;
        this.inFlight = true;
    }

    void failed(PlatformException e) {
        this.inFlight = e.isOutcomeUnknown();
        this.lastError = truncate(e.kind() + ": " + e.getMessage());
        if (e.kind() != PlatformException.Kind.RETRYABLE) {
            this.status = Status.FAILED;
        }
    }

    void inDoubt(String why) {
        this.status = Status.IN_DOUBT;
        this.lastError = truncate(why);
    }

    /** Verified absent on the network: the next retry publishes it. */
    void notOnNetwork() {
        this.status = Status.PENDING;
        this.inFlight = false;
    }

    void deleted(Instant at) {
        this.status = Status.DELETED;
        this.deletedAt = at;
    }

    private static String truncate(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    void published(PublishResult result, String publishedHash, Instant at) {
        this.inFlight = false;
        this.lastError = null;
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
    public int getAttempts() { return attempts; }
    public boolean isInFlight() { return inFlight; }
    public String getLastError() { return lastError; }
    public Instant getDeletedAt() { return deletedAt; }
}
