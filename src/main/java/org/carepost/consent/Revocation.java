package org.carepost.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** The end of an authorization: revoked by the patient, or expired. One per authorization, never changed. */
@Entity
@Immutable
@Table(name = "consent_revocation")
public class Revocation {

    public enum Kind { REVOKED, EXPIRED }

    /** How the patient asked (HIPAA requires a revocation in writing; we record the channel). */
    public enum Channel { WRITING, LETTER, EMAIL, PORTAL, FAX, IN_PERSON_WRITTEN }

    @Id
    @Column(name = "consent_id")
    private UUID consentId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "requested_via")
    private Channel requestedVia;
    @Column(name = "received_on")
    private LocalDate receivedOn;
    private String note;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Revocation() {
    }

    Revocation(UUID consentId, Kind kind, Channel requestedVia, LocalDate receivedOn, String note, String recordedBy,
               Instant recordedAt) {
        this.consentId = consentId;
        this.kind = kind;
        this.requestedVia = requestedVia;
        this.receivedOn = receivedOn;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public UUID getConsentId() { return consentId; }
    public Kind getKind() { return kind; }
    public Channel getRequestedVia() { return requestedVia; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public String getNote() { return note; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
