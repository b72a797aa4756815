package org.carepost.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.carepost.content.ContentService;
import org.carepost.content.FieldProblem;
import org.carepost.content.InvalidContentException;
import org.carepost.phi.FindingDecision;
import org.carepost.phi.PhiScanService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** PHI findings of a draft's current version (text and title) and their resolution (privacy group only). */
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

    /**
     * {@code coverable}: whether "covered by the patient's authorization" is a possible decision for its type.
     * {@code reason}: the privacy office's reason (dismissals). {@code carriedFrom}: the earlier finding whose decision
     * this one keeps (same span, unchanged).
     */
    public record FindingView(long id, int versionNo, String field, int start, int end, String type, String status,
                              boolean coverable, String resolvedBy, Instant resolvedAt, String reason,
                              Long carriedFrom, String context) {
    }

    /** One decision: {@code action} "redact", "covered" or "not-phi" (then with a reason). */
    public record Decision(Long findingId, String action, String reason) {
    }

    /**
     * Either the same action for several findings ({@code findingIds} + {@code action} [+ {@code reason}]) or one
     * decision per finding ({@code decisions}); applied all or nothing.
     */
    public record Resolution(List<Long> findingIds, String action, String reason, List<Decision> decisions) {
    }

    public record ResolutionResult(UUID contentId, int currentVersionNo, String action, int openFindings) {
    }

    @GetMapping
    public List<FindingView> findings(@PathVariable UUID id) {
        return scans.currentFindingsInContext(id).stream().map(f -> new FindingView(f.finding().getId(),
                f.finding().getVersionNo(), f.finding().getField().name(), f.finding().getStart(), f.finding().getEnd(),
                f.finding().getType().name(), f.finding().getStatus().name(),
                PhiScanService.coverable(f.finding().getType()), f.finding().getResolvedBy(),
                f.finding().getResolvedAt(), f.finding().getReason(), f.finding().getCarriedFrom(), f.context()))
                .toList();
    }

    @PostMapping("/resolution")
    public ResolutionResult resolve(@PathVariable UUID id, @RequestBody Resolution body, Authentication user) {
        List<FindingDecision> decisions = decisions(body);
        Set<String> groups = CurrentUser.groups(user);
        contents.get(id); // 404 before anything else
        PhiScanService.Resolution done = scans.resolve(id, decisions, user.getName(), groups);
        String action = body.decisions() != null ? "decisions" : body.action();
        return new ResolutionResult(id, done.currentVersionNo(), action, done.openFindings());
    }

    private static List<FindingDecision> decisions(Resolution body) {
        List<FieldProblem> problems = new ArrayList<>();
        List<FindingDecision> out = new ArrayList<>();
        if (body.decisions() != null) {
            if (body.findingIds() != null || body.action() != null || body.reason() != null) {
                problems.add(new FieldProblem("decisions", "give either decisions or findingIds with action"));
            } else if (body.decisions().isEmpty()) {
                problems.add(new FieldProblem("decisions", "at least one decision is required"));
            }
            for (int i = 0; problems.isEmpty() && i < body.decisions().size(); i++) {
                Decision d = body.decisions().get(i);
                FindingDecision.Action action = d == null ? null : action(d.action());
                if (d == null || d.findingId() == null) {
                    problems.add(new FieldProblem("decisions[" + i + "].findingId", "is required"));
                } else if (action == null) {
                    problems.add(new FieldProblem("decisions[" + i + "].action", ACTIONS));
                } else {
                    out.add(new FindingDecision(d.findingId(), action, d.reason()));
                }
            }
        } else {
            FindingDecision.Action action = action(body.action());
            if (body.findingIds() == null || body.findingIds().isEmpty()) {
                problems.add(new FieldProblem("findingIds", "at least one finding id is required"));
            } else if (body.findingIds().contains(null)) {
                problems.add(new FieldProblem("findingIds", "must not contain null"));
            }
            if (action == null) {
                problems.add(new FieldProblem("action", ACTIONS));
            }
            if (problems.isEmpty()) {
                body.findingIds().forEach(f -> out.add(new FindingDecision(f, action, body.reason())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        return out;
    }

    private static final String ACTIONS = "must be 'redact', 'covered' or 'not-phi'";

    private static FindingDecision.Action action(String action) {
        if (action == null) {
            return null;
        }
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "redact" -> FindingDecision.Action.REDACT;
            case "covered" -> FindingDecision.Action.COVERED;
            case "not-phi" -> FindingDecision.Action.NOT_PHI;
            default -> null;
        };
    }
}
