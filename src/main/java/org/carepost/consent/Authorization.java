package org.carepost.consent;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A patient's signed HIPAA authorization (45 CFR 164.508(c)) with its explicit scope. Written once, never changed
 * (a revocation or expiry is a {@link Revocation} of its own); only {@link ConsentService} creates it, after every
 * element was checked.
 */
@Entity
@Immutable
@Table(name = "consent")
public class Authorization {

    @Id
    private UUID id;
    @Column(name = "patient_name")
    private String patientName;
    @Column(name = "information_description")
    private String informationDescription;
    private String discloser;
    private String recipients;
    private String purposes;
    @Column(name = "expires_on")
    private LocalDate expiresOn;
    @Column(name = "expiration_event")
    private String expirationEvent;
    @Column(name = "signed_by")
    private String signedBy;
    @Column(name = "signed_on")
    private LocalDate signedOn;
    @Column(name = "representative_authority")
    private String representativeAuthority;
    @Column(name = "revocation_right")
    private String revocationRight;
    @Column(name = "treatment_conditioning")
    private String treatmentConditioning;
    @Column(name = "redisclosure_statement")
    private String redisclosureStatement;
    @Column(name = "allow_first_name")
    private boolean allowFirstName;
    @Column(name = "allow_full_name")
    private boolean allowFullName;
    @Column(name = "allow_photo")
    private boolean allowPhoto;
    @Column(name = "allow_condition")
    private boolean allowCondition;
    @Column(name = "allow_dates")
    private boolean allowDates;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "consent_platform", joinColumns = @JoinColumn(name = "consent_id"))
    @Column(name = "platform")
    private Set<String> platforms = new LinkedHashSet<>();

    protected Authorization() {
    }

    Authorization(UUID id, ValidAuthorization v, String recordedBy, Instant recordedAt) {
        this.id = id;
        this.patientName = v.patientName();
        this.informationDescription = v.informationDescription();
        this.discloser = v.discloser();
        this.recipients = v.recipients();
        this.purposes = v.purposes();
        this.expiresOn = v.expiresOn();
        this.expirationEvent = v.expirationEvent();
        this.signedBy = v.signedBy();
        this.signedOn = v.signedOn();
        this.representativeAuthority = v.representativeAuthority();
        this.revocationRight = v.revocationRight();
        this.treatmentConditioning = v.treatmentConditioning();
        this.redisclosureStatement = v.redisclosureStatement();
        this.allowFirstName = v.scope().firstName();
        this.allowFullName = v.scope().fullName();
        this.allowPhoto = v.scope().photo();
        this.allowCondition = v.scope().condition();
        this.allowDates = v.scope().dates();
        this.platforms.addAll(v.platforms());
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public UUID getId() { return id; }
    public String getPatientName() { return patientName; }
    public String getInformationDescription() { return informationDescription; }
    public String getDiscloser() { return discloser; }
    public String getRecipients() { return recipients; }
    public String getPurposes() { return purposes; }
    public LocalDate getExpiresOn() { return expiresOn; }
    public String getExpirationEvent() { return expirationEvent; }
    public String getSignedBy() { return signedBy; }
    public LocalDate getSignedOn() { return signedOn; }
    public String getRepresentativeAuthority() { return representativeAuthority; }
    public String getRevocationRight() { return revocationRight; }
    public String getTreatmentConditioning() { return treatmentConditioning; }
    public String getRedisclosureStatement() { return redisclosureStatement; }
    public boolean allowsFirstName() { return allowFirstName || allowFullName; }
    public boolean allowsFullName() { return allowFullName; }
    public boolean allowsPhoto() { return allowPhoto; }
    public boolean allowsCondition() { return allowCondition; }
    public boolean allowsDates() { return allowDates; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public Set<String> getPlatforms() { return new TreeSet<>(platforms); }

    /** Past its expiration date on {@code today} (valid through the date itself). An expiration event is recorded by hand. */
    public boolean expiredOn(LocalDate today) {
        return expiresOn != null && today.isAfter(expiresOn);
    }
}
