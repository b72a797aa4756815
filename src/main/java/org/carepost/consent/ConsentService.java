package org.carepost.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patient authorizations: recording, their signed documents, validity, revocation and expiry. No engine here. */
@Service
public class ConsentService {

    private final AuthorizationRepository authorizations;
    private final ConsentDocumentRepository documents;
    private final RevocationRepository revocations;
    private final ConsentSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    public ConsentService(AuthorizationRepository authorizations, ConsentDocumentRepository documents,
                          RevocationRepository revocations, ConsentSettings settings, AuditTrail audit, Clock clock) {
        this.authorizations = authorizations;
        this.documents = documents;
        this.revocations = revocations;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records an authorization. Every element is checked first; a record missing any is refused with the whole
     * list of what is missing, and nothing is stored (a validation failure is audited without the values).
     */
    @Transactional(noRollbackFor = InvalidAuthorizationException.class)
    public Authorization record(NewAuthorization request, String actor) {
        AuthorizationValidator.Result result = AuthorizationValidator.validate(request, today());
        if (!result.problems().isEmpty()) {
            audit.record(AuditEntry.of(actor, AuditAction.CONSENT_INVALID, null, null)
                    .withDecision("refused", "missing or invalid: " + fields(result.problems())));
            throw new InvalidAuthorizationException(result.problems());
        }
        Authorization saved = authorizations.save(new Authorization(UUID.randomUUID(), result.valid(), actor, clock.instant()));
        audit.record(AuditEntry.of(actor, AuditAction.CONSENT_RECORDED, null, null).withConsent(saved.getId())
                .withDecision("recorded", "platforms " + String.join(",", saved.getPlatforms())));
        return saved;
    }

    /**
     * Records an authorization together with its signed document, as the privacy office does on the authorization
     * page: every element and the document are checked first, all problems are reported at once, and nothing is
     * stored unless all pass (the document goes through {@link DocumentSanitizer} into our table, nowhere else).
     */
    @Transactional(noRollbackFor = InvalidAuthorizationException.class)
    public Authorization recordWithDocument(NewAuthorization request, byte[] document, String actor) {
        AuthorizationValidator.Result result = AuthorizationValidator.validate(request, today());
        List<FieldProblem> problems = new ArrayList<>(result.problems());
        DocumentSanitizer.Sanitized sanitized = null;
        try {
            sanitized = DocumentSanitizer.sanitize(document, settings.getMaxDocumentBytes());
        } catch (InvalidAuthorizationException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            audit.record(AuditEntry.of(actor, AuditAction.CONSENT_INVALID, null, null)
                    .withDecision("refused", "missing or invalid: " + fields(problems)));
            throw new InvalidAuthorizationException(problems);
        }
        Authorization saved = record(request, actor);
        store(saved.getId(), sanitized, actor);
        return saved;
    }

    /** Authorizations of patients whose name contains {@code patientNamePart}, newest first (at most 50). */
    @Transactional(readOnly = true)
    public List<Authorization> findByPatient(String patientNamePart) {
        return authorizations.findTop50ByPatientNameContainingIgnoreCaseOrderByRecordedAtDesc(
                patientNamePart == null ? "" : patientNamePart.strip());
    }

    @Transactional(readOnly = true)
    public Authorization get(UUID id) {
        return authorizations.findById(id).orElseThrow(() -> new ConsentNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public Optional<Authorization> find(UUID id) {
        return authorizations.findById(id);
    }

    /** Stores the signed document (type by magic bytes, size-limited, metadata stripped) with its SHA-256. */
    @Transactional
    public ConsentDocument attachDocument(UUID consentId, byte[] bytes, String actor) {
        get(consentId);
        if (revocations.existsById(consentId)) {
            throw new ConsentStateException("Authorization " + consentId + " has ended; no document can be added.");
        }
        return store(consentId, DocumentSanitizer.sanitize(bytes, settings.getMaxDocumentBytes()), actor);
    }

    private ConsentDocument store(UUID consentId, DocumentSanitizer.Sanitized sanitized, String actor) {
        ConsentDocument document = documents.save(new ConsentDocument(consentId, sanitized, actor, clock.instant()));
        audit.record(AuditEntry.of(actor, AuditAction.CONSENT_DOCUMENT, null, null).withConsent(consentId)
                .withDecision("stored", sanitized.mediaType() + " sha256 " + sanitized.sha256()));
        return document;
    }

    @Transactional(readOnly = true)
    public List<ConsentDocument> documents(UUID consentId) {
        return documents.findByConsentIdOrderById(consentId);
    }

    @Transactional(readOnly = true)
    public Optional<Revocation> ended(UUID consentId) {
        return revocations.findById(consentId);
    }

    /**
     * Why the authorization cannot be relied on today, or empty: it must exist, carry its signed document, and be
     * neither revoked nor expired.
     */
    @Transactional(readOnly = true)
    public List<String> invalidity(UUID consentId) {
        List<String> reasons = new ArrayList<>();
        Optional<Authorization> found = authorizations.findById(consentId);
        if (found.isEmpty()) {
            reasons.add("authorization " + consentId + " does not exist");
            return reasons;
        }
        revocations.findById(consentId).ifPresent(r -> reasons.add("authorization " + consentId + " was "
                + r.getKind().name().toLowerCase() + " on " + r.getRecordedAt()));
        if (found.get().expiredOn(today())) {
            reasons.add("authorization " + consentId + " expired on " + found.get().getExpiresOn());
        }
        if (!documents.existsByConsentId(consentId)) {
            reasons.add("authorization " + consentId + " has no signed document uploaded");
        }
        return reasons;
    }

    /** Records the patient's revocation (time, who recorded it, how the patient asked). Refused if already ended. */
    @Transactional
    public Revocation revoke(UUID consentId, Revocation.Channel via, LocalDate receivedOn, String note, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (via == null) {
            problems.add(new FieldProblem("requestedVia", "is required: how the patient asked (in writing: "
                    + java.util.Arrays.toString(Revocation.Channel.values()) + ")"));
        }
        if (receivedOn != null && receivedOn.isAfter(today())) {
            problems.add(new FieldProblem("receivedOn", "must not be in the future"));
        }
        if (note != null && note.length() > 2000) {
            problems.add(new FieldProblem("note", "must be at most 2000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAuthorizationException(problems);
        }
        return end(consentId, Revocation.Kind.REVOKED, via, receivedOn == null ? today() : receivedOn, note, actor);
    }

    /** Records that an authorization reached its expiration date. */
    @Transactional
    public Revocation expire(UUID consentId, String actor) {
        return end(consentId, Revocation.Kind.EXPIRED, null, null, null, actor);
    }

    /** Authorizations past their expiration date that were not ended yet. */
    @Transactional(readOnly = true)
    public List<UUID> dueForExpiry() {
        return authorizations.expiredAndNotEnded(today());
    }

    private Revocation end(UUID consentId, Revocation.Kind kind, Revocation.Channel via, LocalDate receivedOn,
                           String note, String actor) {
        get(consentId);
        if (revocations.existsById(consentId)) {
            throw new ConsentStateException("Authorization " + consentId + " has already ended.");
        }
        Revocation revocation = revocations.save(new Revocation(consentId, kind, via, receivedOn,
                note == null || note.isBlank() ? null : note.strip(), actor, clock.instant()));
        audit.record(AuditEntry.of(actor, kind == Revocation.Kind.REVOKED ? AuditAction.CONSENT_REVOKED
                : AuditAction.CONSENT_EXPIRED, null, null).withConsent(consentId)
                .withDecision(kind.name().toLowerCase(), via == null ? "expiration date reached" : "requested via " + via));
        return revocation;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String fields(List<FieldProblem> problems) {
        return String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList());
    }
}
