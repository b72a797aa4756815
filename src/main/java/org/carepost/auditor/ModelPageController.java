package org.carepost.auditor;

import java.util.HashMap;
import java.util.Map;
import org.carepost.audit.AuditPageRenderer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's page of model versions (read-only): every start-up deployment and every proposal from Camunda
 * Modeler with its resources' SHA-256, who proposed it, what the automatic checks said, who approved or rejected it
 * and whether it is in force; from the audit trail alone.
 */
@RestController
public class ModelPageController {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final ModelVersions versions;
    private final AuditPageRenderer pages;

    public ModelPageController(ModelVersions versions, AuditPageRenderer pages) {
        this.versions = versions;
        this.pages = pages;
    }

    @GetMapping("/audit/models")
    @PreAuthorize(AuditController.AUDITORS)
    public ResponseEntity<String> page() {
        Map<String, Object> model = new HashMap<>();
        model.put("versions", versions.newestFirst());
        model.put("t", new TimeText());
        return ResponseEntity.ok().contentType(HTML).body(pages.render("models", model));
    }
}
