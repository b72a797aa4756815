package org.carepost.phi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.carepost.content.ContentStatus;
import org.carepost.content.StorableText;

/**
 * Checks a set of decisions on findings before anything is written. Every problem becomes a sentence for the privacy
 * office that names finding ids, types and fields, never a finding's text; all problems are reported at once.
 */
final class FindingDecisions {

    record Checked(FindingDecision decision, PhiFinding finding, String reason) {
    }

    private final List<Checked> decisions;

    private FindingDecisions(List<Checked> decisions) {
        this.decisions = decisions;
    }

    List<Checked> decisions() {
        return decisions;
    }

    /**
     * @param current     the findings of the current version
     * @param texts       the current version's text per field (to refuse reasons that quote a finding)
     * @param ofThisDraft whether an id not in {@code current} is a finding of an earlier version of this draft
     * @throws PhiDecisionException listing every problem
     */
    static FindingDecisions check(List<FindingDecision> requested, List<PhiFinding> current,
                                  Map<PhiField, String> texts, int versionNo, ContentStatus status,
                                  LongPredicate ofThisDraft) {
        List<String> problems = new ArrayList<>();
        boolean conflict = false;
        if (requested == null || requested.isEmpty()) {
            throw new PhiDecisionException(List.of("Choose a decision for at least one finding."), false);
        }
        List<Checked> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        boolean redacts = false;
        for (int i = 0; i < requested.size(); i++) {
            FindingDecision d = requested.get(i);
            if (d == null) {
                problems.add("Decision " + (i + 1) + " is empty.");
                continue;
            }
            long id = d.findingId();
            if (!seen.add(id)) {
                problems.add("Finding " + id + " has more than one decision; choose one.");
                continue;
            }
            PhiFinding f = current.stream().filter(x -> x.getId() != null && x.getId() == id).findFirst().orElse(null);
            if (f == null) {
                conflict = true;
                problems.add(ofThisDraft.test(id)
                        ? "Finding " + id + " belongs to an earlier version of this draft; reload the findings and "
                                + "decide on those of version " + versionNo + "."
                        : "Finding " + id + " is not a finding of this draft.");
                continue;
            }
            if (d.action() == null) {
                problems.add("Finding " + id + " has no decision: choose redact, covered by the patient's "
                        + "authorization, or not PHI.");
                continue;
            }
            if (!f.isOpen()) {
                conflict = true;
                problems.add("Finding " + id + " was already " + f.getStatus().label() + ".");
                continue;
            }
            String where = f.getType().label() + " in the " + f.getField().label();
            if (d.action() == FindingDecision.Action.COVERED && !PhiScanService.coverable(f.getType())) {
                problems.add("Finding " + id + " is " + where + ", which a patient's authorization cannot cover: "
                        + "redact it, or mark it not PHI if it does not identify a patient.");
                continue;
            }
            String reason = d.reason() == null || d.reason().isBlank() ? null : d.reason().strip();
            if (reason == null && d.action() == FindingDecision.Action.NOT_PHI) {
                problems.add("Finding " + id + " (" + where + "): give a short reason why it is not PHI, for "
                        + "example \"the hospital's public phone number\".");
                continue;
            }
            if (reason != null) {
                String problem = reasonProblem(id, reason, current, texts);
                if (problem != null) {
                    problems.add(problem);
                    continue;
                }
            }
            redacts |= d.action() == FindingDecision.Action.REDACT;
            out.add(new Checked(d, f, reason));
        }
        if (redacts && status != ContentStatus.IN_REVIEW) {
            conflict = true;
            problems.add("This draft is no longer in review (it is " + status.name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + "), so nothing in it can be redacted now.");
        }
        if (!problems.isEmpty()) {
            throw new PhiDecisionException(problems, conflict);
        }
        return new FindingDecisions(out);
    }

    private static String reasonProblem(long id, String reason, List<PhiFinding> current,
                                        Map<PhiField, String> texts) {
        if (reason.length() > PhiScanService.MAX_REASON_CHARS) {
            return "The reason for finding " + id + " is longer than " + PhiScanService.MAX_REASON_CHARS
                    + " characters; keep it short.";
        }
        if (!StorableText.isStorable(reason) || reason.chars().anyMatch(c -> c < 0x20)) {
            return "The reason for finding " + id + " contains a character that cannot be stored; write it on one "
                    + "line in plain text.";
        }
        // The reason is audited and kept for six years: it must not carry the identifier it is about.
        String lower = reason.toLowerCase(Locale.ROOT);
        for (PhiFinding f : current) {
            String text = texts.get(f.getField());
            if (text == null || f.getEnd() > text.length() || f.getEnd() - f.getStart() < 2) {
                continue;
            }
            String quoted = text.substring(f.getStart(), f.getEnd()).toLowerCase(Locale.ROOT);
            if (lower.contains(quoted)) {
                return "The reason for finding " + id + " repeats the text of a finding; say why it is not PHI "
                        + "without quoting it.";
            }
        }
        return null;
    }
}
