package org.carepost.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carepost.content.ContentForbiddenException;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.carepost.content.NewContent;
import org.carepost.content.Platform;
import org.carepost.phi.RedactedVersions;
import org.carepost.process.approval.ContentWorkflow;
import org.carepost.review.Approval;
import org.carepost.review.ReviewService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/content")
public class ContentController {

    /** Groups that see every draft; an author sees their own. */
    private static final Set<String> READERS = Set.of("privacy", "legal", "brand", "medical", "communications",
            "dept-heads", "auditors", "camunda-admin");

    private final ContentWorkflow workflow;
    private final ContentService contents;
    private final ReviewService reviews;
    private final RedactedVersions redactedVersions;

    public ContentController(ContentWorkflow workflow, ContentService contents, ReviewService reviews,
                             RedactedVersions redactedVersions) {
        this.workflow = workflow;
        this.contents = contents;
        this.reviews = reviews;
        this.redactedVersions = redactedVersions;
    }

    public record CreatedContent(UUID id, String processInstanceId) {
    }

    public record NewVersion(String text) {
    }

    public record CreatedVersion(UUID contentId, int versionNo, String sha256) {
    }

    /**
     * A version; {@code text} is null and {@code redacted} true for a version whose PHI the privacy office redacted
     * afterwards, unless the reader is in the privacy group (auditors: POST /api/audit/content/{id}/versions/{n}/unredacted).
     */
    public record VersionView(int versionNo, String sha256, String author, Instant createdAt, String text,
                              boolean redacted) {
    }

    public record ApprovalView(int versionNo, String versionHash, String review, String reviewer, String decision,
                               String comment, Instant decidedAt) {
    }

    public record ContentView(UUID id, String title, String kind, String department, String author, String status,
                              List<String> platforms, Instant publishAt, String processInstanceId, int currentVersionNo,
                              Integer approvedVersionNo, String approvedHash, List<VersionView> versions,
                              List<ApprovalView> approvals, List<String> coDepartments) {
    }

    @PostMapping
    @PreAuthorize("hasAuthority('GROUP_authors')")
    public ResponseEntity<CreatedContent> create(@RequestBody NewContent draft, Authentication user) {
        ContentWorkflow.Started started = workflow.submit(draft, user.getName(), CurrentUser.groups(user));
        return ResponseEntity.created(URI.create("/api/content/" + started.id()))
                .body(new CreatedContent(started.id(), started.processInstanceId()));
    }

    @GetMapping("/{id}")
    public ContentView get(@PathVariable UUID id, Authentication user) {
        ContentItem item = contents.get(id);
        boolean reader = CurrentUser.groups(user).stream().anyMatch(READERS::contains);
        if (!reader && !item.getAuthor().equals(user.getName())) {
            throw new ContentForbiddenException("You may see your own drafts only.");
        }
        int redactedThrough = redactedVersions.redactedThrough(id);
        Set<String> groups = CurrentUser.groups(user);
        List<VersionView> versions = contents.versions(id).stream()
                .map(v -> view(v, RedactedVersions.readable(v, redactedThrough, groups))).toList();
        List<ApprovalView> approvals = reviews.history(id).stream().map(ContentController::view).toList();
        return new ContentView(item.getId(), item.getTitle(), item.getKind().code(), item.getDepartment(),
                item.getAuthor(), item.getStatus().name(), item.getPlatforms().stream().map(Platform::code).toList(),
                item.getPublishAt(), item.getProcessInstanceId(), item.getCurrentVersionNo(),
                item.getApprovedVersionNo(), item.getApprovedHash(), versions, approvals, item.getCoDepartments());
    }

    @PostMapping("/{id}/versions")
    public ResponseEntity<CreatedVersion> revise(@PathVariable UUID id, @RequestBody NewVersion body, Authentication user) {
        int versionNo = workflow.revise(id, body.text(), user.getName());
        ContentVersion version = contents.versions(id).stream().filter(v -> v.getVersionNo() == versionNo)
                .findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/content/" + id))
                .body(new CreatedVersion(id, versionNo, version.getSha256()));
    }

    private static VersionView view(ContentVersion v, boolean readable) {
        return new VersionView(v.getVersionNo(), v.getSha256(), v.getAuthor(), v.getCreatedAt(),
                readable ? v.getBody() : null, !readable);
    }

    private static ApprovalView view(Approval a) {
        return new ApprovalView(a.getVersionNo(), a.getVersionHash(), a.getReview(), a.getReviewer(), a.getDecision(),
                a.getComment(), a.getDecidedAt());
    }
}
