package org.carepost.web;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carepost.audit.AuditPageRenderer;
import org.carepost.audit.AuditVerifier;
import org.carepost.audit.AuditorService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's printable HTML pages (server-rendered with Velocity; read-only). */
@RestController
public class AuditPageController {

    private static final int PAGE_SIZE = 100;
    /** The whole-chain status shown on the pages is at most this old (a full walk of a large chain takes seconds). */
    private static final Duration CHAIN_STATUS_MAX_AGE = Duration.ofMinutes(1);
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final AuditorService auditor;
    private final AuditVerifier verifier;
    private final AuditPageRenderer pages;
    private final Clock clock;

    public AuditPageController(AuditorService auditor, AuditVerifier verifier, AuditPageRenderer pages, Clock clock) {
        this.auditor = auditor;
        this.verifier = verifier;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/audit")
    @PreAuthorize(AuditController.AUDITORS)
    public ResponseEntity<String> list(@RequestParam(defaultValue = "0") int page, CsrfToken csrf) {
        int p = Math.max(0, page);
        List<AuditorService.ItemSummary> items = auditor.items(p, PAGE_SIZE + 1);
        Map<String, Object> model = chainModel(csrf);
        model.put("items", items.size() > PAGE_SIZE ? items.subList(0, PAGE_SIZE) : items);
        model.put("page", p);
        model.put("prevPage", p - 1);
        model.put("nextPage", p + 1);
        model.put("hasMore", items.size() > PAGE_SIZE);
        return ResponseEntity.ok().contentType(HTML).body(pages.render("list", model));
    }

    @GetMapping("/audit/content/{id}")
    @PreAuthorize(AuditController.AUDITORS)
    public ResponseEntity<String> content(@PathVariable UUID id, CsrfToken csrf) {
        AuditorService.Dossier dossier = auditor.dossier(id);
        Map<String, Object> model = chainModel(csrf);
        model.put("d", dossier);
        model.put("timeline", dossier.timeline());
        return ResponseEntity.ok().contentType(HTML).body(pages.render("content", model));
    }

    /** Every page carries the session's CSRF token (docs/security.md: how a form sends it). */
    private Map<String, Object> chainModel(CsrfToken csrf) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf);
        model.put("chain", verifier.recent(CHAIN_STATUS_MAX_AGE, clock));
        model.put("verifiedAt", verifier.recentAt());
        return model;
    }
}
