package org.carepost.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carepost.consent.Authorization;
import org.carepost.consent.ConsentDocument;
import org.carepost.consent.ConsentService;
import org.carepost.consent.InvalidAuthorizationException;
import org.carepost.consent.NewAuthorization;
import org.carepost.consent.Revocation;
import org.carepost.content.ContentForbiddenException;
import org.carepost.content.FieldProblem;
import org.carepost.process.consent.ConsentRevocationWorkflow;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Patient authorizations: recorded, documented and revoked by the privacy office. */
@RestController
@RequestMapping("/api/consents")
public class ConsentController {

    /** Who may read an authorization (it names the patient): the privacy office, legal, auditors. */
    private static final Set<String> READERS = Set.of("privacy", "legal", "auditors", "camunda-admin");

    private final ConsentService consents;
    private final ConsentRevocationWorkflow revocations;

    public ConsentController(ConsentService consents, ConsentRevocationWorkflow revocations) {
        this.consents = consents;
        this.revocations = revocations;
    }

    public record Created(UUID id) {
    }

    public record DocumentView(String mediaType, long sizeBytes, String sha256, String originalSha256,
                               boolean metadataStripped, String uploadedBy, Instant uploadedAt) {
    }

    public record RevocationView(String kind, String requestedVia, LocalDate receivedOn, String recordedBy,
                                 Instant recordedAt) {
    }

    public record ConsentView(UUID id, String patientName, String informationDescription, String discloser,
                              String recipients, String purposes, LocalDate expiresOn, String expirationEvent,
                              String signedBy, LocalDate signedOn, String representativeAuthority,
                              String revocationRight, String treatmentConditioning, String redisclosureStatement,
                              List<String> platforms, NewAuthorization.Scope scope, String recordedBy,
                              Instant recordedAt, String status, List<String> invalidity,
                              List<DocumentView> documents, RevocationView ended) {
    }

    public record NewRevocation(String requestedVia, String receivedOn, String note) {
    }

    public record RevocationResult(UUID consentId, String kind, List<UUID> stoppedContent, List<UUID> takenDownContent,
                                   List<String> takedownProcessInstanceIds) {
    }

    @PostMapping
    @PreAuthorize("hasAuthority('GROUP_privacy')")
    public ResponseEntity<Created> create(@RequestBody NewAuthorization request, Authentication user) {
        Authorization saved = consents.record(request, user.getName());
        return ResponseEntity.created(URI.create("/api/consents/" + saved.getId())).body(new Created(saved.getId()));
    }

    @GetMapping("/{id}")
    public ConsentView get(@PathVariable UUID id, Authentication user) {
        if (CurrentUser.groups(user).stream().noneMatch(READERS::contains)) {
            throw new ContentForbiddenException("Only the privacy office, legal and auditors may read authorizations.");
        }
        Authorization a = consents.get(id);
        List<DocumentView> documents = consents.documents(id).stream().map(ConsentController::view).toList();
        RevocationView ended = consents.ended(id).map(r -> new RevocationView(r.getKind().name(),
                r.getRequestedVia() == null ? null : r.getRequestedVia().name(), r.getReceivedOn(), r.getRecordedBy(),
                r.getRecordedAt())).orElse(null);
        List<String> invalidity = consents.invalidity(id);
        String status = ended != null ? ended.kind() : invalidity.isEmpty() ? "VALID" : "INCOMPLETE";
        return new ConsentView(a.getId(), a.getPatientName(), a.getInformationDescription(), a.getDiscloser(),
                a.getRecipients(), a.getPurposes(), a.getExpiresOn(), a.getExpirationEvent(), a.getSignedBy(),
                a.getSignedOn(), a.getRepresentativeAuthority(), a.getRevocationRight(), a.getTreatmentConditioning(),
                a.getRedisclosureStatement(), List.copyOf(a.getPlatforms()),
                new NewAuthorization.Scope(a.allowsFirstName(), a.allowsFullName(), a.allowsPhoto(),
                        a.allowsCondition(), a.allowsDates()),
                a.getRecordedBy(), a.getRecordedAt(), status, invalidity, documents, ended);
    }

    @PostMapping(path = "/{id}/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('GROUP_privacy')")
    public ResponseEntity<DocumentView> upload(@PathVariable UUID id,
                                               @RequestParam(name = "file", required = false) MultipartFile file,
                                               Authentication user) {
        if (file == null) {
            throw new InvalidAuthorizationException(List.of(new FieldProblem("file", "is required: the signed authorization")));
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConsentDocument document = consents.attachDocument(id, bytes, user.getName());
        return ResponseEntity.created(URI.create("/api/consents/" + id)).body(view(document));
    }

    @PostMapping("/{id}/revocation")
    @PreAuthorize("hasAuthority('GROUP_privacy')")
    public RevocationResult revoke(@PathVariable UUID id, @RequestBody NewRevocation body, Authentication user) {
        Revocation.Channel via = null;
        if (body.requestedVia() != null && !body.requestedVia().isBlank()) {
            try {
                via = Revocation.Channel.valueOf(body.requestedVia().strip().toUpperCase().replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidAuthorizationException(List.of(new FieldProblem("requestedVia",
                        "unknown; one of: " + java.util.Arrays.toString(Revocation.Channel.values()))));
            }
        }
        LocalDate receivedOn = null;
        if (body.receivedOn() != null && !body.receivedOn().isBlank()) {
            try {
                receivedOn = LocalDate.parse(body.receivedOn().strip());
            } catch (DateTimeParseException e) {
                throw new InvalidAuthorizationException(List.of(new FieldProblem("receivedOn", "must be an ISO-8601 date")));
            }
        }
        ConsentRevocationWorkflow.Enforcement done = revocations.revoke(id, via, receivedOn, body.note(), user.getName());
        return new RevocationResult(done.consentId(), done.kind(), done.stopped(), done.takenDown(),
                done.takedownProcessInstanceIds());
    }

    private static DocumentView view(ConsentDocument d) {
        return new DocumentView(d.getMediaType(), d.getSizeBytes(), d.getSha256(), d.getOriginalSha256(),
                d.isMetadataStripped(), d.getUploadedBy(), d.getUploadedAt());
    }
}
