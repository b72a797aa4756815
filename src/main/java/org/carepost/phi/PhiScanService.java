package org.carepost.phi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.consent.ConsentCoverage;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Scans content versions (text and title) for PHI, stores the findings (ranges, never text) and applies the privacy
 * office's decisions: redaction into a new version with typed placeholders, "covered by the patient's authorization",
 * or "not PHI" with a reason. Exceptions and audit comments name finding ids and types only.
 */
@Service
public class PhiScanService {

    public static final String PRIVACY_GROUP = "privacy";
    /** Characters of text shown on each side of a finding. */
    static final int CONTEXT_CHARS = 40;
    /** Longest reason for a decision: a short sentence, not a note. */
    public static final int MAX_REASON_CHARS = 200;

    private final PhiDetector detector;
    private final PhiFindingRepository findings;
    private final ContentService contents;
    private final AuditTrail audit;
    private final Clock clock;
    private final MeterRegistry meters;

    public PhiScanService(PhiDetector detector, PhiFindingRepository findings, ContentService contents,
                          AuditTrail audit, Clock clock, MeterRegistry meters) {
        this.detector = detector;
        this.findings = findings;
        this.contents = contents;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
    }

    /** A finding with its text in context, for the privacy reviewer only. */
    public record FindingInContext(PhiFinding finding, String context) {
    }

    /** What {@link #resolve} left: the current version (new if anything was redacted) and its open findings. */
    public record Resolution(int currentVersionNo, boolean newVersion, int openFindings) {
    }

    /**
     * The finding types a patient's authorization can cover (a name, a date, ...): the form offers "covered" only for
     * these. Decided by the consent feature's scope rules, so the two never disagree.
     */
    public static Set<PhiType> coverableTypes() {
        Set<PhiType> types = EnumSet.noneOf(PhiType.class);
        for (PhiType t : PhiType.values()) {
            if (ConsentCoverage.coverable(t.name())) {
                types.add(t);
            }
        }
        return types;
    }

    public static boolean coverable(PhiType type) {
        return ConsentCoverage.coverable(type.name());
    }

    /**
     * Scans the current version's text and title and stores what is new; findings already stored for this version
     * (same field, range and type) keep their status. A new finding whose span is unchanged since the previous
     * version, in its surrounding text too, keeps a "not PHI" decision made there ({@link CarriedDecisions}).
     * Returns the number of open findings of the current version.
     */
    @Transactional
    public int scan(UUID contentId) {
        ContentItem item = contents.get(contentId);
        ContentVersion version = contents.currentVersion(contentId);
        List<PhiFinding> stored = new ArrayList<>(findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId,
                version.getVersionNo()));
        Instant now = clock.instant();
        CarriedDecisions carried = null;
        for (PhiField field : PhiField.values()) {
            String text = textOf(version, field, item);
            for (PhiSpan span : field == PhiField.TITLE ? detector.scanTitle(text) : detector.scan(text)) {
                boolean known = stored.stream().anyMatch(f -> f.sameSpan(field, span.start(), span.end(), span.type()));
                if (known) {
                    continue;
                }
                PhiFinding found = new PhiFinding(contentId, version.getVersionNo(), field, span.start(), span.end(),
                        span.type(), now);
                if (carried == null) {
                    carried = previousDecisions(contentId, version, item);
                }
                PhiFinding earlier = carried.dismissalFor(field, text, span);
                if (earlier != null) {
                    found.carry(earlier);
                }
                stored.add(findings.save(found));
                // The type only: never the text found.
                Counter.builder("carepost.phi.findings.detected").description("PHI findings detected by scans")
                        .tag("type", span.type().name()).register(meters).increment();
            }
        }
        return (int) stored.stream().filter(PhiFinding::isOpen).count();
    }

    private CarriedDecisions previousDecisions(UUID contentId, ContentVersion version, ContentItem item) {
        int previous = version.getVersionNo() - 1;
        if (previous < 1) {
            return CarriedDecisions.NONE;
        }
        List<PhiFinding> earlier = findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId, previous);
        if (earlier.isEmpty()) {
            return CarriedDecisions.NONE;
        }
        ContentVersion before = contents.versions(contentId).stream().filter(v -> v.getVersionNo() == previous)
                .findFirst().orElse(null);
        if (before == null) {
            return CarriedDecisions.NONE;
        }
        Map<PhiField, String> texts = new EnumMap<>(PhiField.class);
        for (PhiField f : PhiField.values()) {
            texts.put(f, textOf(before, f, item));
        }
        return new CarriedDecisions(earlier, texts);
    }

    /** The field's text in a version; versions stored before titles were versioned have the item's title. */
    static String textOf(ContentVersion version, PhiField field, ContentItem item) {
        if (field == PhiField.TITLE) {
            String title = version.getTitle() != null ? version.getTitle() : item.getTitle();
            return title == null ? "" : title;
        }
        return version.getBody();
    }

    @Transactional(readOnly = true)
    public List<PhiFinding> currentFindings(UUID contentId) {
        ContentVersion version = contents.currentVersion(contentId);
        return findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId, version.getVersionNo());
    }

    /** The findings of one version, title first then text, each by position. */
    @Transactional(readOnly = true)
    public List<PhiFinding> findings(UUID contentId, int versionNo) {
        return findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId, versionNo);
    }

    /** Findings per type and status, for the operations gauges (counts only, never text); keyed by [type, status]. */
    @Transactional(readOnly = true)
    public java.util.Map<List<String>, Long> countByTypeAndStatus() {
        java.util.Map<List<String>, Long> counts = new java.util.LinkedHashMap<>();
        for (Object[] row : findings.countByTypeAndStatus()) {
            counts.put(List.of(String.valueOf(row[0]), String.valueOf(row[1])), ((Number) row[2]).longValue());
        }
        return counts;
    }

    @Transactional(readOnly = true)
    public List<PhiFinding> openFindings(UUID contentId) {
        return currentFindings(contentId).stream().filter(PhiFinding::isOpen).toList();
    }

    /**
     * The current version's findings (title first, then text, each by position) with a short snippet around each (the
     * finding between guillemets).
     */
    @Transactional(readOnly = true)
    public List<FindingInContext> currentFindingsInContext(UUID contentId) {
        ContentItem item = contents.get(contentId);
        ContentVersion version = contents.currentVersion(contentId);
        return findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId, version.getVersionNo()).stream()
                .sorted(java.util.Comparator.comparing((PhiFinding f) -> f.getField() != PhiField.TITLE))
                .map(f -> new FindingInContext(f, context(textOf(version, f.getField(), item), f.getStart(),
                        f.getEnd()))).toList();
    }

    static String context(String text, int start, int end) {
        int from = Math.max(0, start - CONTEXT_CHARS);
        int to = Math.min(text.length(), end + CONTEXT_CHARS);
        return (from > 0 ? "…" : "") + text.substring(from, start).replace('\n', ' ') + "«"
                + text.substring(start, end) + "»" + text.substring(end, to).replace('\n', ' ')
                + (to < text.length() ? "…" : "");
    }

    /**
     * Applies the privacy office's decisions on findings of the current version, all or nothing: every decision is
     * checked first, and on any problem nothing is written and a {@link PhiDecisionException} lists every problem as a
     * sentence naming finding ids (never their text). Then: "not PHI" and "covered" decisions are recorded (audited;
     * dismissals counted per type), and all REDACT decisions make one new version (text and title) authored by the
     * privacy reviewer, into which every other finding moves with its status.
     *
     * @throws PhiForbiddenException unless {@code groups} contains the privacy group
     * @throws org.carepost.content.ContentNotFoundException for an unknown draft
     */
    @Transactional
    public Resolution resolve(UUID contentId, List<FindingDecision> decisions, String actor, Set<String> groups) {
        requirePrivacy(groups);
        ContentItem item = contents.get(contentId);
        ContentVersion version = contents.currentVersion(contentId);
        List<PhiFinding> all = findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId,
                version.getVersionNo());
        Map<PhiField, String> texts = new EnumMap<>(PhiField.class);
        for (PhiField f : PhiField.values()) {
            texts.put(f, textOf(version, f, item));
        }
        FindingDecisions checked = FindingDecisions.check(decisions, all, texts, version.getVersionNo(),
                item.getStatus(), id -> findings.findById(id).filter(f -> contentId.equals(f.getContentId()))
                        .isPresent());
        Instant now = clock.instant();
        List<PhiFinding> dismissed = new ArrayList<>();
        List<PhiFinding> covered = new ArrayList<>();
        for (FindingDecisions.Checked c : checked.decisions()) {
            switch (c.decision().action()) {
                case NOT_PHI -> {
                    c.finding().resolve(PhiFindingStatus.DISMISSED_NOT_PHI, actor, now, c.reason());
                    dismissed.add(c.finding());
                }
                case COVERED -> {
                    c.finding().resolve(PhiFindingStatus.COVERED_BY_AUTHORIZATION, actor, now, c.reason());
                    covered.add(c.finding());
                }
                case REDACT -> {
                    // applied below, all in one new version
                }
            }
        }
        for (PhiFinding f : dismissed) {
            audit.record(AuditEntry.of(actor, AuditAction.PHI_DISMISSED, contentId, version.getSha256())
                    .withDecision("not-phi", "finding " + f.getId() + " (" + f.getType() + " in the "
                            + f.getField().label() + "): " + f.getReason()));
        }
        if (!covered.isEmpty()) {
            audit.record(AuditEntry.of(actor, AuditAction.PHI_COVERED, contentId, version.getSha256())
                    .withDecision("covered", "findings " + ids(covered)));
        }
        List<PhiFinding> redacted = checked.decisions().stream()
                .filter(c -> c.decision().action() == FindingDecision.Action.REDACT).map(FindingDecisions.Checked::finding)
                .toList();
        int versionNo = version.getVersionNo();
        if (!redacted.isEmpty()) {
            versionNo = redactInNewVersion(contentId, texts, all, redacted, actor, now).getVersionNo();
        }
        countDismissals(dismissed);
        long open = findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId, versionNo).stream()
                .filter(PhiFinding::isOpen).count();
        return new Resolution(versionNo, !redacted.isEmpty(), (int) open);
    }

    private ContentVersion redactInNewVersion(UUID contentId, Map<PhiField, String> texts, List<PhiFinding> all,
                                              List<PhiFinding> chosen, String actor, Instant now) {
        Map<PhiField, Redaction> byField = new EnumMap<>(PhiField.class);
        for (PhiField field : PhiField.values()) {
            byField.put(field, Redaction.of(texts.get(field),
                    chosen.stream().filter(f -> f.getField() == field).toList()));
        }
        ContentVersion redacted = contents.addRedactedVersion(contentId, byField.get(PhiField.TEXT).text(),
                byField.get(PhiField.TITLE).text(), actor, "findings " + ids(chosen));
        for (PhiFinding f : chosen) {
            f.resolve(PhiFindingStatus.REDACTED, actor, now, f.getReason());
        }
        for (PhiFinding f : all) {
            if (f.getStatus() == PhiFindingStatus.REDACTED) {
                continue;
            }
            Redaction r = byField.get(f.getField());
            int[] moved = r.moved(f.getStart(), f.getEnd());
            if (moved == null) {
                continue; // redacted away with its neighbour
            }
            PhiFinding next = new PhiFinding(contentId, redacted.getVersionNo(), f.getField(), moved[0], moved[1],
                    f.getType(), f.getFoundAt());
            if (!f.isOpen()) {
                next.carry(f);
            }
            findings.save(next);
        }
        return redacted;
    }

    /** Counted once the decisions are committed: a rolled-back resolution dismissed nothing. */
    private void countDismissals(List<PhiFinding> dismissed) {
        if (dismissed.isEmpty()) {
            return;
        }
        List<PhiType> types = dismissed.stream().map(PhiFinding::getType).toList();
        Runnable count = () -> types.forEach(t -> Counter.builder("carepost.phi.findings.dismissed")
                .description("PHI findings the privacy office dismissed as not PHI, by type")
                .tag("type", t.name()).register(meters).increment());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }

    /**
     * Replaces the chosen open findings of the current version by typed placeholders ({@code [NAME]}, ...) in a new
     * version authored by the privacy reviewer. Returns the new version. Same as {@link #resolve} with REDACT
     * decisions.
     */
    @Transactional
    public ContentVersion redact(UUID contentId, Collection<Long> findingIds, String actor, Set<String> groups) {
        resolve(contentId, decisions(findingIds, FindingDecision::redact), actor, groups);
        return contents.currentVersion(contentId);
    }

    /**
     * Marks the chosen open findings as covered by the patient's authorization; only types an authorization can
     * cover are accepted ({@link #coverableTypes()}). Same as {@link #resolve} with COVERED decisions.
     */
    @Transactional
    public void markCovered(UUID contentId, Collection<Long> findingIds, String actor, Set<String> groups) {
        resolve(contentId, decisions(findingIds, FindingDecision::covered), actor, groups);
    }

    /** Redacts every open finding of the current version; returns the new version, or null when none was open. */
    @Transactional
    public ContentVersion redactAllOpen(UUID contentId, String actor, Set<String> groups) {
        requirePrivacy(groups);
        List<Long> open = openFindings(contentId).stream().map(PhiFinding::getId).toList();
        return open.isEmpty() ? null : redact(contentId, open, actor, groups);
    }

    @Transactional
    public void coverAllOpen(UUID contentId, String actor, Set<String> groups) {
        requirePrivacy(groups);
        List<Long> open = openFindings(contentId).stream().map(PhiFinding::getId).toList();
        if (!open.isEmpty()) {
            markCovered(contentId, open, actor, groups);
        }
    }

    private static List<FindingDecision> decisions(Collection<Long> ids,
                                                   java.util.function.LongFunction<FindingDecision> decision) {
        if (ids == null) {
            return List.of();
        }
        List<FindingDecision> out = new ArrayList<>();
        for (Long id : ids) {
            out.add(id == null ? null : decision.apply(id));
        }
        return out;
    }

    private static void requirePrivacy(Set<String> groups) {
        if (groups == null || !groups.contains(PRIVACY_GROUP)) {
            throw new PhiForbiddenException("Only the privacy group resolves PHI findings.");
        }
    }

    private static String ids(List<PhiFinding> list) {
        return list.stream().map(f -> String.valueOf(f.getId())).collect(Collectors.joining(", "));
    }
}
