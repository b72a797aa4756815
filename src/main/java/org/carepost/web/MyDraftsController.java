package org.carepost.web;

import java.util.HashMap;
import java.util.Map;
import org.carepost.audit.AuditPageRenderer;
import org.carepost.tasklist.MyDrafts;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** "My drafts": where each of the logged-in author's drafts stands (linked from Tasklist's header and start form). */
@RestController
public class MyDraftsController {

    private final MyDrafts drafts;
    private final AuditPageRenderer pages;

    public MyDraftsController(MyDrafts drafts, AuditPageRenderer pages) {
        this.drafts = drafts;
        this.pages = pages;
    }

    @GetMapping("/app/my-drafts")
    public ResponseEntity<String> page(Authentication user) {
        Map<String, Object> model = new HashMap<>();
        model.put("drafts", drafts.of(user.getName()));
        model.put("user", user.getName());
        model.put("tasklist", AuthorizationPageController.TASKLIST);
        return ResponseEntity.ok().contentType(AuthorizationPageController.HTML).body(pages.render("app", "my-drafts", model));
    }
}
