package org.carepost.publishing;

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

/** One published post to delete on its network. PENDING until the network confirmed the delete. */
@Entity
@Table(name = "takedown")
public class Takedown {

    public enum Status { PENDING, DELETED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "content_id")
    private UUID contentId;
    @Column(name = "publication_id")
    private Long publicationId;
    private String platform;
    private String account;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "consent_id")
    private UUID consentId;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "deleted_at")
    private Instant deletedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected Takedown() {
    }

    Takedown(Publication publication, UUID consentId, String reason, Instant requestedAt, String processInstanceId) {
        this.contentId = publication.getContentId();
        this.publicationId = publication.getId();
        this.platform = publication.getPlatform();
        this.account = publication.getAccount();
        this.externalId = publication.getExternalId();
        this.consentId = consentId;
        this.reason = reason;
        this.status = Status.PENDING;
        this.requestedAt = requestedAt;
        this.processInstanceId = processInstanceId;
    }

    void deleted(Instant at) {
        this.status = Status.DELETED;
        this.deletedAt = at;
    }

    public Long getId() { return id; }
    public UUID getContentId() { return contentId; }
    public Long getPublicationId() { return publicationId; }
    public String getPlatform() { return platform; }
    public String getAccount() { return account; }
    public String getExternalId() { return externalId; }
    public UUID getConsentId() { return consentId; }
    public String getReason() { return reason; }
    public Status getStatus() { return status; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getDeletedAt() { return deletedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
}
