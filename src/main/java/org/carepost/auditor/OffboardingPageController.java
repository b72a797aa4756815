package org.carepost.auditor;

import java.util.HashMap;
import java.util.Map;
import org.carepost.audit.AuditPageRenderer;
import org.carepost.offboarding.OffboardingRecords;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's page of offboardings (read-only): who left, when the account was locked, which groups they had,
 * where their tasks and drafts went, and who rotated the credentials of the accounts they managed.
 */
@RestController
public class OffboardingPageController {

    private static final int SHOWN = 200;
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final OffboardingRecords records;
    private final AuditPageRenderer pages;

    public OffboardingPageController(OffboardingRecords records, AuditPageRenderer pages) {
        this.records = records;
        this.pages = pages;
    }

    @GetMapping("/audit/offboarding")
    @PreAuthorize(AuditController.AUDITORS)
    public ResponseEntity<String> page() {
        Map<String, Object> model = new HashMap<>();
        model.put("offboardings", records.newestFirst(SHOWN));
        return ResponseEntity.ok().contentType(HTML).body(pages.render("offboarding", model));
    }
}
