package org.carepost.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carepost.audit.AuditPageRenderer;
import org.carepost.consent.Authorization;
import org.carepost.consent.ConsentCoverage;
import org.carepost.consent.ConsentService;
import org.carepost.consent.CoveredFindings;
import org.carepost.consent.InvalidAuthorizationException;
import org.carepost.consent.NewAuthorization;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStateException;
import org.carepost.content.FieldProblem;
import org.carepost.content.InvalidContentException;
import org.carepost.content.Platform;
import org.carepost.process.approval.ContentWorkflow;
import org.carepost.tasklist.DraftViews;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The privacy office's authorization page for one post, linked from Tasklist's task "Choose or record the patient's
 * authorization": the patient's valid authorizations that cover the post, to pick one (which completes the task), and
 * the signed form to record with every element of 45 CFR 164.508(c) and its scan uploaded from the browser (checked
 * like POST /api/consents, the document sanitized into our table). Privacy group only; the webapps' login works here.
 */
@RestController
@PreAuthorize("hasAuthority('GROUP_privacy')")
public class AuthorizationPageController {

    static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);
    static final String TASKLIST = "/camunda/app/tasklist/default/";

    private final ContentService contents;
    private final ConsentService consents;
    private final ConsentCoverage coverage;
    private final CoveredFindings covered;
    private final ContentWorkflow workflow;
    private final AuditPageRenderer pages;

    public AuthorizationPageController(ContentService contents, ConsentService consents, ConsentCoverage coverage,
                                       CoveredFindings covered, ContentWorkflow workflow, AuditPageRenderer pages) {
        this.contents = contents;
        this.consents = consents;
        this.coverage = coverage;
        this.covered = covered;
        this.workflow = workflow;
        this.pages = pages;
    }

    /** The page; after recording, {@code recorded} names the new authorization, listed to be chosen. */
    @GetMapping("/app/authorizations/for-post/{id}")
    public ResponseEntity<String> page(@PathVariable UUID id, @RequestParam(required = false) UUID recorded,
                                       CsrfToken csrf) {
        Map<String, Object> model = model(id, "", csrf);
        if (recorded != null) {
            consents.find(recorded).ifPresent(a -> list(id, List.of(a), model));
            model.put("recorded", recorded.toString());
        }
        return html(HttpStatus.OK, model);
    }

    /** The patient's authorizations by name: a POST, so the name never stands in a URL (logs, history). */
    @PostMapping("/app/authorizations/for-post/{id}/search")
    public ResponseEntity<String> search(@PathVariable UUID id, @RequestParam(defaultValue = "") String patient,
                                         CsrfToken csrf) {
        return html(HttpStatus.OK, model(id, patient.strip(), csrf));
    }

    /** Records the signed form and its scan together; on any problem nothing is stored and the form comes back. */
    @PostMapping(path = "/app/authorizations/for-post/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<String> record(@PathVariable UUID id, @RequestParam Map<String, String> form,
                                         @RequestParam(name = "document", required = false) MultipartFile document,
                                         Authentication user, CsrfToken csrf) {
        contents.get(id); // 404 before anything is recorded
        NewAuthorization request = new NewAuthorization(form.get("patientName"), form.get("informationDescription"),
                form.get("discloser"), form.get("recipients"), form.get("purposes"), form.get("expiresOn"),
                form.get("expirationEvent"), form.get("signedBy"), form.get("signedOn"),
                yesNo(form.get("personalRepresentative")), form.get("representativeAuthority"),
                form.get("revocationRight"), form.get("treatmentConditioning"), form.get("redisclosureStatement"),
                form.keySet().stream().filter(k -> k.startsWith("platform.")).map(k -> k.substring(9)).toList(),
                new NewAuthorization.Scope(form.containsKey("scope.firstName"), form.containsKey("scope.fullName"),
                        form.containsKey("scope.photo"), form.containsKey("scope.condition"),
                        form.containsKey("scope.dates")));
        try {
            Authorization saved = consents.recordWithDocument(request, bytes(document), user.getName());
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/app/authorizations/for-post/" + id + "?recorded=" + saved.getId())).build();
        } catch (InvalidAuthorizationException e) {
            Map<String, Object> model = model(id, "", csrf);
            model.put("form", form);
            model.put("errors", byField(e.problems()));
            return html(HttpStatus.BAD_REQUEST, model);
        }
    }

    /** Links the chosen authorization to the post and completes the Tasklist task, then back to Tasklist. */
    @PostMapping("/app/authorizations/for-post/{id}/use")
    public ResponseEntity<String> use(@PathVariable UUID id, @RequestParam(required = false) UUID consentId,
                                      CsrfToken csrf) {
        Map<String, Object> model;
        try {
            if (consentId == null) {
                throw new InvalidContentException(List.of(new FieldProblem("consentId",
                        "choose one of the authorizations listed")));
            }
            workflow.useAuthorization(id, consentId);
            model = new HashMap<>();
            model.put("post", post(contents.get(id)));
            model.put("tasklist", TASKLIST);
            return html(HttpStatus.OK, "authorization-used", model);
        } catch (InvalidContentException | ContentStateException e) {
            model = model(id, "", csrf);
            model.put("useError", e instanceof InvalidContentException invalid
                    ? invalid.problems().get(0).message() : e.getMessage());
            return html(HttpStatus.BAD_REQUEST, model);
        }
    }

    private Map<String, Object> model(UUID id, String patient, CsrfToken csrf) {
        ContentItem item = contents.get(id);
        Map<String, Object> model = new HashMap<>();
        model.put("post", post(item));
        model.put("patient", patient);
        model.put("waiting", workflow.authorizationTask(id).isPresent());
        model.put("searched", !patient.isBlank());
        list(id, patient.isBlank() ? List.of() : consents.findByPatient(patient), model);
        model.put("platforms", List.of(Platform.values()).stream().map(p -> Map.of("code", p.code(), "label", p.label()))
                .toList());
        model.put("form", Map.of());
        model.put("errors", Map.of());
        model.put("tasklist", TASKLIST);
        if (csrf != null) {
            model.put("csrf", csrf);
        }
        return model;
    }

    /** Which of these authorizations cover the post (to choose from) and which do not (and why). */
    private void list(UUID id, List<Authorization> found, Map<String, Object> model) {
        List<Map<String, Object>> fitting = new ArrayList<>();
        List<Map<String, Object>> notFitting = new ArrayList<>();
        for (Authorization a : found) {
            List<String> gaps = coverage.gaps(id, a.getId());
            Map<String, Object> row = row(a);
            if (gaps.isEmpty()) {
                fitting.add(row);
            } else {
                row.put("why", String.join("; ", gaps));
                notFitting.add(row);
            }
        }
        model.put("fitting", fitting);
        model.put("notFitting", notFitting);
        model.put("listed", !found.isEmpty() || Boolean.TRUE.equals(model.get("searched")));
    }

    private Map<String, Object> post(ContentItem item) {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", item.getId().toString());
        post.put("title", item.getTitle());
        post.put("kind", item.getKind().label());
        post.put("platforms", item.getPlatforms().stream().map(Platform::label).collect(Collectors.joining(", ")));
        post.put("platformCodes", item.getPlatforms().stream().map(Platform::code).toList());
        post.put("covered", covered.coveredTypes(item.getId()).stream().map(DraftViews::typeLabel)
                .collect(Collectors.joining(", ")));
        return post;
    }

    private static Map<String, Object> row(Authorization a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", a.getId().toString());
        row.put("patientName", a.getPatientName());
        row.put("information", a.getInformationDescription());
        row.put("signed", a.getSignedOn() + " by " + a.getSignedBy());
        row.put("expires", a.getExpiresOn() != null ? a.getExpiresOn().toString() : a.getExpirationEvent());
        row.put("platforms", a.getPlatforms().stream().map(code -> Platform.fromCode(code).map(Platform::label)
                .orElse(code)).collect(Collectors.joining(", ")));
        List<String> scope = new ArrayList<>();
        if (a.allowsFullName()) {
            scope.add("full name");
        } else if (a.allowsFirstName()) {
            scope.add("first name");
        }
        if (a.allowsPhoto()) {
            scope.add("photos");
        }
        if (a.allowsCondition()) {
            scope.add("condition");
        }
        if (a.allowsDates()) {
            scope.add("dates");
        }
        row.put("scope", scope.isEmpty() ? "nothing identifying" : String.join(", ", scope));
        return row;
    }

    private static Map<String, List<String>> byField(List<FieldProblem> problems) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            String field = p.field().startsWith("scope.") ? "scope" : p.field().equals("file") ? "document" : p.field();
            errors.computeIfAbsent(field, k -> new ArrayList<>()).add(p.message());
        }
        return errors;
    }

    private static Boolean yesNo(String value) {
        return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
    }

    private static byte[] bytes(MultipartFile document) {
        try {
            return document == null ? new byte[0] : document.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseEntity<String> html(HttpStatus status, Map<String, Object> model) {
        return html(status, "authorization", model);
    }

    private ResponseEntity<String> html(HttpStatus status, String template, Map<String, Object> model) {
        return ResponseEntity.status(status).contentType(HTML).body(pages.render("app", template, model));
    }
}
