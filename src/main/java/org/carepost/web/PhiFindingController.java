package org.carepost.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.carepost.content.FieldProblem;
import org.carepost.content.InvalidContentException;
import org.carepost.phi.PhiScanService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** PHI findings of a draft's current version and their resolution (privacy group only). */
@RestController
@RequestMapping("/api/content/{id}/findings")
@PreAuthorize("hasAuthority('GROUP_privacy')")
public class PhiFindingController {

    private final PhiScanService scans;
    private final ContentService contents;

    public PhiFindingController(PhiScanService scans, ContentService contents) {
        this.scans = scans;
        this.contents = contents;
    }

    public record FindingView(long id, int versionNo, int start, int end, String type, String status,
                              String resolvedBy, Instant resolvedAt, String context) {
    }

    public record Resolution(List<Long> findingIds, String action) {
    }

    public record ResolutionResult(UUID contentId, int currentVersionNo, String action, int openFindings) {
    }

    @GetMapping
    public List<FindingView> findings(@PathVariable UUID id) {
        return scans.currentFindingsInContext(id).stream().map(f -> new FindingView(f.finding().getId(),
                f.finding().getVersionNo(), f.finding().getStart(), f.finding().getEnd(), f.finding().getType().name(),
                f.finding().getStatus().name(), f.finding().getResolvedBy(), f.finding().getResolvedAt(),
                f.context())).toList();
    }

    @PostMapping("/resolution")
    public ResolutionResult resolve(@PathVariable UUID id, @RequestBody Resolution body, Authentication user) {
        if (body.findingIds() == null || body.findingIds().isEmpty()) {
            throw new InvalidContentException(List.of(new FieldProblem("findingIds", "at least one finding id is required")));
        }
        if (body.findingIds().contains(null)) {
            throw new InvalidContentException(List.of(new FieldProblem("findingIds", "must not contain null")));
        }
        Set<String> groups = CurrentUser.groups(user);
        contents.get(id); // 404 before anything else
        if ("redact".equals(body.action())) {
            ContentVersion redacted = scans.redact(id, body.findingIds(), user.getName(), groups);
            return new ResolutionResult(id, redacted.getVersionNo(), "redact", scans.openFindings(id).size());
        }
        if ("covered".equals(body.action())) {
            scans.markCovered(id, body.findingIds(), user.getName(), groups);
            return new ResolutionResult(id, contents.get(id).getCurrentVersionNo(), "covered",
                    scans.openFindings(id).size());
        }
        throw new InvalidContentException(List.of(new FieldProblem("action", "must be 'redact' or 'covered'")));
    }
}
