package org.carepost.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The medical accuracy review's rule: approving a text with health claims needs a cited source (URL or DOI) for
 * each claim, one per line in claim order; otherwise the reviewer requests a rewrite ("changes"). Pure.
 */
public final class MedicalReviewCheck {

    private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s/$.?#][^\\s]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI = Pattern.compile("\\b(?:doi:\\s*)?10\\.\\d{4,9}/\\S+", Pattern.CASE_INSENSITIVE);

    private MedicalReviewCheck() {
    }

    /**
     * @param decision    the reviewer's decision
     * @param claimCount  health claims found in the version under review
     * @param sources     the form's "sources" field: one line per claim
     * @throws BadUserRequestException naming the claims without a source
     */
    public static void check(Decision decision, int claimCount, Object sources) {
        if (decision != Decision.APPROVE || claimCount == 0) {
            return;
        }
        List<String> lines = sources == null ? List.of()
                : Arrays.stream(sources.toString().split("\\R")).map(String::strip).toList();
        List<Integer> missing = new ArrayList<>();
        for (int claim = 1; claim <= claimCount; claim++) {
            String line = claim <= lines.size() ? lines.get(claim - 1) : "";
            if (!isSource(line)) {
                missing.add(claim);
            }
        }
        if (!missing.isEmpty()) {
            throw new BadUserRequestException("Medical review: field 'claimSources' needs a cited source (URL or DOI) "
                    + "for health claim(s) " + missing + " of " + claimCount
                    + ", one line per claim; otherwise request changes (a rewrite).");
        }
    }

    static boolean isSource(String line) {
        return URL.matcher(line).find() || DOI.matcher(line).find();
    }
}
