package org.carepost.review;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentKind;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing of the current version: the facts the DMN decision {@code review-routing} reads (computed from our
 * tables), and the outcome it decided, stored per version so the freeze knows which approvals to require.
 */
@Service
public class ReviewRouting {

    private static final Pattern PATIENT = Pattern.compile("\\bpatients?\\b|\\bpatient's\\b", Pattern.CASE_INSENSITIVE);

    private final ContentService contents;
    private final HealthClaimRepository claims;
    private final RoutingRecordRepository routings;
    private final PhiPresence phi;
    private final MediaPresence media;
    private final AuditTrail audit;
    private final Clock clock;
    private final HealthClaimDetector detector = new HealthClaimDetector();

    public ReviewRouting(ContentService contents, HealthClaimRepository claims, RoutingRecordRepository routings,
                         PhiPresence phi, MediaPresence media, AuditTrail audit, Clock clock) {
        this.contents = contents;
        this.claims = claims;
        this.routings = routings;
        this.phi = phi;
        this.media = media;
        this.audit = audit;
        this.clock = clock;
    }

    /** Detects and stores the current version's health claims (once per version), then the decision's inputs. */
    @Transactional
    public RoutingFacts facts(UUID contentId) {
        ContentItem item = contents.get(contentId);
        ContentVersion version = contents.currentVersion(contentId);
        List<HealthClaimRecord> found = healthClaims(contentId, version);
        boolean patient = item.getKind() == ContentKind.TESTIMONIAL || PATIENT.matcher(version.getBody()).find();
        return new RoutingFacts(item.getKind().code(), phi.phiPresent(contentId, version.getVersionNo()), patient,
                !found.isEmpty(), media.mediaAttached(contentId, version.getVersionNo()),
                1 + item.getCoDepartments().size());
    }

    /** Combines the decision's matched rows, stores the outcome for the current version and audits it. */
    @Transactional
    public RoutingOutcome record(UUID contentId, List<Map<String, Object>> decisionRows, String processInstanceId) {
        ContentItem item = contents.get(contentId);
        ContentVersion version = contents.currentVersion(contentId);
        RoutingOutcome outcome = RoutingOutcome.combine(decisionRows, item.getDepartment(), item.getCoDepartments());
        routings.save(new RoutingRecord(contentId, version.getVersionNo(), version.getSha256(), outcome, clock.instant()));
        audit.record(AuditEntry.of("carepost", AuditAction.ROUTE, contentId, version.getSha256())
                .withDecision("routed", "reviews: " + outcome.reviewsValue() + "; sign-off: "
                        + (outcome.signoffDepartments().isEmpty() ? "none" : outcome.signoffDepartmentsValue())
                        + "; SLA " + outcome.sla() + (outcome.publishImmediately() ? "; publish immediately" : ""))
                .inProcess(processInstanceId, null));
        return outcome;
    }

    @Transactional(readOnly = true)
    public Optional<RoutingRecord> routingOf(UUID contentId, int versionNo) {
        return routings.findFirstByContentIdAndVersionNoOrderByIdDesc(contentId, versionNo);
    }

    /** The health claims of the current version, in text order (the medical reviewer's checklist). */
    @Transactional(readOnly = true)
    public List<HealthClaimRecord> currentClaims(UUID contentId) {
        ContentVersion version = contents.currentVersion(contentId);
        return claims.findByContentIdAndVersionNoOrderByStartOffset(contentId, version.getVersionNo());
    }

    private List<HealthClaimRecord> healthClaims(UUID contentId, ContentVersion version) {
        List<HealthClaimRecord> stored = claims.findByContentIdAndVersionNoOrderByStartOffset(contentId, version.getVersionNo());
        if (!stored.isEmpty()) {
            return stored;
        }
        return claims.saveAll(detector.detect(version.getBody()).stream()
                .map(c -> new HealthClaimRecord(contentId, version.getVersionNo(), c)).toList());
    }
}
