package org.carepost.auditor;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carepost.audit.AuditPageRenderer;
import org.carepost.audit.AuditVerifier;
import org.carepost.config.CarePostProperties;
import org.carepost.content.ContentKind;
import org.carepost.content.ContentStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's printable HTML pages (server-rendered with Velocity; read-only): the list of drafts (filters, sort and
 * page in the URL, see {@link AuditListQuery}) and one draft's dossier with its trail in people's words. Times are
 * rendered to the second in UTC inside {@code <time datetime>}; the page's own script shows them in the viewer's zone.
 */
@RestController
public class AuditPageController {

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    /** The whole-chain status shown on the pages is at most this old (a full walk of a large chain takes seconds). */
    private static final Duration CHAIN_STATUS_MAX_AGE = Duration.ofMinutes(1);
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final AuditorService auditor;
    private final AuditVerifier verifier;
    private final AuditPageRenderer pages;
    private final Clock clock;
    private final AuditItemList list;
    private final TrailWording trail;
    private final CarePostProperties properties;
    private final PeopleNames people;
    private final byte[] localTimeScript;

    public AuditPageController(AuditorService auditor, AuditVerifier verifier, AuditPageRenderer pages, Clock clock,
                               AuditItemList list, TrailWording trail, CarePostProperties properties,
                               PeopleNames people) {
        this.auditor = auditor;
        this.verifier = verifier;
        this.pages = pages;
        this.clock = clock;
        this.list = list;
        this.trail = trail;
        this.properties = properties;
        this.people = people;
        try (InputStream in = AuditPageController.class.getResourceAsStream("/templates/audit/local-time.js")) {
            this.localTimeScript = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/audit")
    @PreAuthorize(AuditController.AUDITORS)
    public ResponseEntity<String> list(@RequestParam Map<String, String> params, CsrfToken csrf) {
        AuditListQuery query = AuditListQuery.parse(params, properties.departments());
        Map<String, Object> model = chainModel(csrf);
        model.put("q", query);
        model.put("result", list.page(query));
        model.put("departments", properties.departments());
        model.put("stages", DraftStage.values());
        model.put("kinds", ContentKind.values());
        model.put("sizes", AuditListQuery.PAGE_SIZES);
        model.put("filters", String.join("; ", query.describe()));
        return ResponseEntity.ok().contentType(HTML).body(pages.render("list", model));
    }

    /**
     * Whether the logged-in user may open the auditor's pages: 204, else 403 (401 without a login). The webapps'
     * header link asks this before it shows itself, so the rule stays the one on the pages.
     */
    @GetMapping("/audit/access")
    @PreAuthorize(AuditController.AUDITORS)
    public ResponseEntity<Void> access() {
        return ResponseEntity.noContent().build();
    }

    /** The pages' one script: shows each {@code <time>} in the viewer's zone, and sends that zone with the filter. */
    @GetMapping("/audit/local-time.js")
    @PreAuthorize(AuditController.AUDITORS)
    public ResponseEntity<byte[]> localTimeScript() {
        return ResponseEntity.ok().contentType(JAVASCRIPT).body(localTimeScript);
    }

    /** A parameter of the list that cannot be used: the sentence, as a page for a browser, as a problem otherwise. */
    @ExceptionHandler(AuditListQuery.BadParameter.class)
    public ResponseEntity<?> badParameter(AuditListQuery.BadParameter e, HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            Map<String, Object> model = new HashMap<>();
            model.put("problem", e.getMessage());
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(HTML).body(pages.render("bad-request", model));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @GetMapping("/audit/content/{id}")
    @PreAuthorize(AuditController.AUDITORS)
    public ResponseEntity<String> content(@PathVariable UUID id, CsrfToken csrf) {
        AuditorService.Dossier dossier = auditor.dossier(id);
        Map<String, Object> model = chainModel(csrf);
        model.put("d", dossier);
        model.put("timeline", dossier.timeline());
        model.put("trail", trail.of(id, dossier.events(), dossier.processInstanceId()));
        model.put("author", people.users().apply(dossier.item().author()));
        model.put("kind", ContentKind.fromCode(dossier.item().kind()).map(ContentKind::label).orElse(dossier.item().kind()));
        model.put("department", AuditItemList.departmentLabel(dossier.item().department()));
        model.put("status", list.statusOf(id, ContentStatus.valueOf(dossier.item().status()), dossier.item().publishAt()));
        return ResponseEntity.ok().contentType(HTML).body(pages.render("content", model));
    }

    /** Every page carries the session's CSRF token (docs/security.md: how a form sends it). */
    private Map<String, Object> chainModel(CsrfToken csrf) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf);
        model.put("chain", verifier.recent(CHAIN_STATUS_MAX_AGE, clock));
        model.put("verifiedAt", verifier.recentAt());
        model.put("t", new TimeText());
        return model;
    }
}
