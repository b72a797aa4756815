package org.carepost.phi;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scans content versions for PHI, stores the findings (ranges, never text) and resolves them: redaction into a new
 * version with typed placeholders, or "covered by the patient's authorization" (privacy group). Exceptions and audit
 * comments name finding ids only.
 */
@Service
public class PhiScanService {

    public static final String PRIVACY_GROUP = "privacy";
    /** Characters of text shown on each side of a finding. */
    static final int CONTEXT_CHARS = 40;

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

    /**
     * Scans the current version and stores what is new; findings already stored for this version (same range and
     * type) keep their status. Returns the number of open findings of the current version.
     */
    @Transactional
    public int scan(UUID contentId) {
        ContentVersion version = contents.currentVersion(contentId);
        List<PhiFinding> stored = findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId,
                version.getVersionNo());
        Instant now = clock.instant();
        for (PhiSpan span : detector.scan(version.getBody())) {
            boolean known = stored.stream().anyMatch(f -> f.sameSpan(span.start(), span.end(), span.type()));
            if (!known) {
                stored.add(findings.save(new PhiFinding(contentId, version.getVersionNo(), span.start(), span.end(),
                        span.type(), now)));
                // The type only: never the text found.
                meters.counter("carepost.phi.findings.detected", "type", span.type().name()).increment();
            }
        }
        return (int) stored.stream().filter(PhiFinding::isOpen).count();
    }

    @Transactional(readOnly = true)
    public List<PhiFinding> currentFindings(UUID contentId) {
        ContentVersion version = contents.currentVersion(contentId);
        return findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId, version.getVersionNo());
    }

    @Transactional(readOnly = true)
    public List<PhiFinding> openFindings(UUID contentId) {
        return currentFindings(contentId).stream().filter(PhiFinding::isOpen).toList();
    }

    /** The current version's findings with a short snippet around each (the finding between guillemets). */
    @Transactional(readOnly = true)
    public List<FindingInContext> currentFindingsInContext(UUID contentId) {
        ContentVersion version = contents.currentVersion(contentId);
        String text = version.getBody();
        return findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId, version.getVersionNo()).stream()
                .map(f -> new FindingInContext(f, context(text, f.getStart(), f.getEnd()))).toList();
    }

    static String context(String text, int start, int end) {
        int from = Math.max(0, start - CONTEXT_CHARS);
        int to = Math.min(text.length(), end + CONTEXT_CHARS);
        return (from > 0 ? "…" : "") + text.substring(from, start).replace('\n', ' ') + "«"
                + text.substring(start, end) + "»" + text.substring(end, to).replace('\n', ' ')
                + (to < text.length() ? "…" : "");
    }

    /**
     * Replaces the chosen open findings of the current version by typed placeholders ({@code [NAME]}, ...) in a new
     * version authored by the privacy reviewer. Findings not chosen move to the new version with shifted ranges,
     * keeping their status. Returns the new version.
     */
    @Transactional
    public ContentVersion redact(UUID contentId, Collection<Long> findingIds, String actor, Set<String> groups) {
        requirePrivacy(groups);
        ContentVersion version = contents.currentVersion(contentId);
        List<PhiFinding> all = findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId,
                version.getVersionNo());
        List<PhiFinding> chosen = chosenOpen(all, findingIds, version.getVersionNo());
        chosen.sort(Comparator.comparingInt(PhiFinding::getStart));
        String text = version.getBody();
        StringBuilder out = new StringBuilder(text.length());
        // merged redaction ranges and the shift each one introduces
        List<int[]> ranges = new ArrayList<>();
        int pos = 0;
        for (PhiFinding f : chosen) {
            int s = Math.max(f.getStart(), pos);
            int e = Math.max(f.getEnd(), s);
            if (e <= pos) {
                continue; // inside the previous range
            }
            String placeholder = "[" + f.getType().name() + "]";
            out.append(text, pos, s).append(placeholder);
            ranges.add(new int[] {s, e, placeholder.length() - (e - s)});
            pos = e;
        }
        out.append(text, pos, text.length());
        Instant now = clock.instant();
        String note = "findings " + ids(chosen);
        ContentVersion redacted = contents.addRedactedVersion(contentId, out.toString(), actor, note);
        for (PhiFinding f : chosen) {
            f.resolve(PhiFindingStatus.REDACTED, actor, now);
        }
        for (PhiFinding f : all) {
            if (chosen.contains(f) || f.getStatus() == PhiFindingStatus.REDACTED) {
                continue;
            }
            int shift = 0;
            boolean overlaps = false;
            for (int[] r : ranges) {
                if (r[1] <= f.getStart()) {
                    shift += r[2];
                } else if (r[0] < f.getEnd()) {
                    overlaps = true;
                }
            }
            if (overlaps) {
                continue; // redacted away with its neighbour
            }
            PhiFinding moved = new PhiFinding(contentId, redacted.getVersionNo(), f.getStart() + shift,
                    f.getEnd() + shift, f.getType(), f.getFoundAt());
            if (!f.isOpen()) {
                moved.resolve(f.getStatus(), f.getResolvedBy(), f.getResolvedAt());
            }
            findings.save(moved);
        }
        return redacted;
    }

    /**
     * Marks the chosen open findings as covered by the patient's authorization (privacy group; the consent feature
     * will check that the authorization really covers them).
     */
    @Transactional
    public void markCovered(UUID contentId, Collection<Long> findingIds, String actor, Set<String> groups) {
        requirePrivacy(groups);
        ContentVersion version = contents.currentVersion(contentId);
        List<PhiFinding> all = findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId,
                version.getVersionNo());
        List<PhiFinding> chosen = chosenOpen(all, findingIds, version.getVersionNo());
        Instant now = clock.instant();
        for (PhiFinding f : chosen) {
            f.resolve(PhiFindingStatus.COVERED_BY_AUTHORIZATION, actor, now);
        }
        audit.record(AuditEntry.of(actor, AuditAction.PHI_COVERED, contentId, version.getSha256())
                .withDecision("covered", "findings " + ids(chosen)));
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

    private static void requirePrivacy(Set<String> groups) {
        if (groups == null || !groups.contains(PRIVACY_GROUP)) {
            throw new PhiForbiddenException("Only the privacy group resolves PHI findings.");
        }
    }

    private static List<PhiFinding> chosenOpen(List<PhiFinding> all, Collection<Long> ids, int versionNo) {
        if (ids == null || ids.isEmpty()) {
            throw new PhiResolutionException("No finding ids given.");
        }
        Map<Long, PhiFinding> byId = all.stream().collect(Collectors.toMap(PhiFinding::getId, Function.identity()));
        List<PhiFinding> chosen = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            PhiFinding f = id == null ? null : byId.get(id);
            if (f == null) {
                throw new PhiResolutionException("Finding " + id + " is not a finding of the current version "
                        + versionNo + ".");
            }
            if (!f.isOpen()) {
                throw new PhiResolutionException("Finding " + id + " is already " + f.getStatus() + ".");
            }
            chosen.add(f);
        }
        return chosen;
    }

    private static String ids(List<PhiFinding> list) {
        return list.stream().map(f -> String.valueOf(f.getId())).collect(Collectors.joining(", "));
    }
}
