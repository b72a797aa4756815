package org.carepost.tasklist;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carepost.consent.CoveredFindings;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.carepost.content.Platform;
import org.carepost.phi.PhiFinding;
import org.carepost.phi.PhiField;
import org.carepost.phi.PhiFindingStatus;
import org.carepost.phi.PhiScanService;
import org.carepost.phi.PhiType;
import org.carepost.phi.RedactionPlaceholders;
import org.carepost.review.HealthClaimRecord;
import org.carepost.review.MediaPresence;
import org.carepost.review.ReviewRouting;
import org.carepost.review.ReviewService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Tasklist's forms show of a draft, built from our tables: title, kind, department and platforms as people name
 * them, the current version's text, renderings and hash, the findings to decide on (each in its context, with the
 * decisions its type allows), what the last redaction removed (by type), the reviewers' comments and the health
 * claims. It becomes the one process variable {@code draftView} (see {@code org.carepost.process.approval.DraftViewVariable}),
 * rewritten whenever the version changes and kept out of Camunda's history.
 */
@Service
public class DraftViews {

    /** Decisions on a finding, as the Resolve PHI form submits them. */
    public static final String REDACT = "redact";
    public static final String COVERED = "covered";
    public static final String NOT_PHI = "not-phi";
    /** How many findings the Resolve PHI form decides at once (its slots s1 ... s20); the rest in the next round. */
    public static final int DECISION_SLOTS = 20;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ContentService contents;
    private final ReviewService reviews;
    private final ReviewRouting routing;
    private final PhiScanService scans;
    private final MediaPresence media;
    private final CoveredFindings covered;

    public DraftViews(ContentService contents, ReviewService reviews, ReviewRouting routing,
                      PhiScanService scans, MediaPresence media,
                      CoveredFindings covered) {
        this.scans = scans;
        this.covered = covered;
        this.contents = contents;
        this.reviews = reviews;
        this.routing = routing;
        this.media = media;
    }

    /** Everything a form of content-approval shows, for the current version. */
    @Transactional(readOnly = true)
    public Map<String, Object> of(UUID contentId) {
        ContentItem item = contents.get(contentId);
        ContentVersion version = contents.currentVersion(contentId);
        Map<String, Object> view = summary(item);
        view.put("versionNo", String.valueOf(version.getVersionNo()));
        view.put("versionHash", version.getSha256());
        view.put("text", version.getBody());
        view.put("renderings", reviews.renderingsForReview(contentId, version.getVersionNo()));
        view.put("hasMedia", media.mediaAttached(contentId, version.getVersionNo()));
        // title findings first, each with its sentence
        List<PhiScanService.FindingInContext> inContext = scans.currentFindingsInContext(contentId).stream()
                .filter(f -> f.finding().isOpen()).toList();
        List<PhiFinding> open = inContext.stream().map(PhiScanService.FindingInContext::finding).toList();
        view.put("openFindings", open.size());
        view.put("markedTitle", marked(item.getTitle(), open, PhiField.TITLE));
        view.put("markedText", marked(version.getBody(), open, PhiField.TEXT));
        List<Map<String, Object>> items = findingItems(item.getTitle(), version.getBody(), inContext);
        // The form has a fixed number of decision slots (s1, s2, ...): Tasklist cannot complete a form whose dynamic
        // list was edited (form-js leaves an empty error entry per list field, which Tasklist counts as an error).
        for (int i = 0; i < Math.min(items.size(), DECISION_SLOTS); i++) {
            view.put("s" + (i + 1), items.get(i));
        }
        view.put("slots", Math.min(items.size(), DECISION_SLOTS));
        view.put("moreFindings", items.size() > DECISION_SLOTS);
        String removed = removedByType(contentId, version.getVersionNo());
        view.put("removed", removed);
        view.put("hasRemoved", !removed.isEmpty());
        String comments = reviews.changeRequestComments(contentId);
        view.put("reviewComments", comments);
        view.put("hasComments", comments != null && !comments.isBlank());
        List<HealthClaimRecord> claims = routing.currentClaims(contentId);
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < claims.size(); i++) {
            listed.append(i + 1).append(". ").append(claims.get(i).getPhrase()).append(" (")
                    .append(claims.get(i).getClaimType()).append(")\n");
        }
        view.put("healthClaims", listed.toString().strip());
        return view;
    }

    /** The draft without its text: what the consent tasks and the author's notices show. */
    @Transactional(readOnly = true)
    public Map<String, Object> summaryOf(UUID contentId) {
        return summary(contents.get(contentId));
    }

    private Map<String, Object> summary(ContentItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("contentId", item.getId().toString());
        view.put("title", item.getTitle());
        view.put("kind", item.getKind().code());
        view.put("kindLabel", item.getKind().label());
        view.put("department", item.getDepartment());
        view.put("departmentLabel", departmentLabel(item.getDepartment()));
        view.put("platforms", item.getPlatforms().stream().map(Platform::label).collect(Collectors.joining(", ")));
        view.put("publishAt", item.getPublishAt() == null ? "" : WHEN.format(item.getPublishAt()));
        view.put("status", item.getStatus().name());
        String coveredTypes = covered.coveredTypes(item.getId()).stream().map(DraftViews::typeLabel)
                .collect(Collectors.joining(", "));
        view.put("coveredTypes", coveredTypes);
        view.put("hasCovered", !coveredTypes.isEmpty());
        return view;
    }

    public static String departmentLabel(String department) {
        return department == null || department.isEmpty() ? ""
                : Character.toUpperCase(department.charAt(0)) + department.substring(1);
    }

    /** A finding type as the forms name it ("a place or address"), or the name itself if it is no type of ours. */
    public static String typeLabel(String type) {
        try {
            return PhiType.valueOf(type).label();
        } catch (IllegalArgumentException e) {
            return type;
        }
    }

    /**
     * The text (or title) with each open finding of that field marked where it stands, numbered as the form lists the
     * findings: «Rosalind Whitfield» [2 · a name].
     */
    static String marked(String text, List<PhiFinding> open, PhiField field) {
        StringBuilder out = new StringBuilder(text.length() + open.size() * 24);
        List<PhiFinding> here = open.stream().filter(f -> f.getField() == field)
                .sorted(Comparator.comparingInt(PhiFinding::getStart)).toList();
        int pos = 0;
        for (PhiFinding f : here) {
            if (f.getStart() < pos) {
                continue; // overlaps the previous finding: it is marked already
            }
            out.append(text, pos, f.getStart()).append('«').append(text, f.getStart(), f.getEnd()).append("» [")
                    .append(open.indexOf(f) + 1).append(" · ").append(f.getType().label()).append(']');
            pos = f.getEnd();
        }
        return out.append(text, pos, text.length()).toString();
    }

    private List<Map<String, Object>> findingItems(String title, String text,
                                                   List<PhiScanService.FindingInContext> open) {
        List<Map<String, Object>> items = new ArrayList<>();
        int n = 0;
        for (PhiScanService.FindingInContext found : open) {
            n++;
            PhiFinding f = found.finding();
            String in = f.getField() == PhiField.TITLE ? title : text;
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", String.valueOf(f.getId()));
            item.put("label", n + " · " + f.getType().label() + " in the " + f.getField().label() + ": «"
                    + in.substring(f.getStart(), f.getEnd()) + "»");
            item.put("context", found.context());
            List<Map<String, String>> options = new ArrayList<>();
            options.add(option("Redact it: " + RedactionPlaceholders.of(f.getType()) + " replaces it and the author "
                    + "rewrites the sentence", REDACT));
            if (PhiScanService.coverable(f.getType())) {
                options.add(option("Keep it: the patient's signed authorization covers it", COVERED));
            }
            options.add(option("Keep it: it is not patient information (say why below)", NOT_PHI));
            item.put("options", options);
            items.add(item);
        }
        return items;
    }

    private static Map<String, String> option(String label, String value) {
        return Map.of("label", label, "value", value);
    }

    /**
     * What the privacy office redacted since the author last wrote, by type ("Name (1), Place ... (1)"): a redaction
     * makes version n+1 out of version n, whose chosen findings become REDACTED. Never the redacted words.
     */
    String removedByType(UUID contentId, int currentVersionNo) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int v = currentVersionNo - 1; v >= 1; v--) {
            List<PhiFinding> redacted = scans.findings(contentId, v).stream()
                    .filter(f -> f.getStatus() == PhiFindingStatus.REDACTED).toList();
            if (redacted.isEmpty()) {
                break; // version v+1 was written by its author, not made by a redaction
            }
            redacted.forEach(f -> counts.merge(f.getType().label(), 1, Integer::sum));
        }
        return counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }
}
