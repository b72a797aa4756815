package org.carepost.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds claim language a medical reviewer must check: cures, guarantees, "100%", "proven", "best in", statistics
 * about patients or outcomes, and drug efficacy. Deliberately simple and over-inclusive: a false positive costs a
 * reviewer a minute, a missed claim can be misinformation. Pure, no state.
 */
public final class HealthClaimDetector {

    private record Rule(HealthClaim.Type type, Pattern pattern) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Rule> RULES = List.of(
            new Rule(HealthClaim.Type.CURE, Pattern.compile("\\b(?:cure[sd]?|curing|heals?|eliminates?|reverses?)\\b", FLAGS)),
            new Rule(HealthClaim.Type.GUARANTEE, Pattern.compile("\\bguarantee(?:s|d)?\\b", FLAGS)),
            new Rule(HealthClaim.Type.ABSOLUTE, Pattern.compile("(?<![\\d.])100\\s?%|\\b(?:risk[- ]free|no side effects|100 percent)\\b", FLAGS)),
            new Rule(HealthClaim.Type.PROVEN, Pattern.compile("\\b(?:(?:clinically|scientifically)\\s+)?proven\\b", FLAGS)),
            new Rule(HealthClaim.Type.SUPERLATIVE, Pattern.compile("\\b(?:best|top|leading|#1|number one)\\s+(?:in|hospital|care|doctors?|outcomes?)\\b", FLAGS)),
            new Rule(HealthClaim.Type.STATISTIC, Pattern.compile(
                    "\\b\\d{1,3}(?:[.,]\\d+)?\\s?(?:%|percent)\\s+(?:of\\s+)?(?:our\\s+)?(?:patients|people|women|men|adults|children|cases|survival|success|fewer|less|more|lower|higher|reduction|chance)\\b"
                    + "|\\b\\d+\\s+(?:out\\s+of|in)\\s+\\d+\\s+(?:patients|people|adults|children|cases)\\b"
                    + "|\\b(?:\\d+|two|three|four|five|ten)\\s?(?:x|times)\\s+(?:more|less|lower|higher|faster|better)\\b", FLAGS)),
            new Rule(HealthClaim.Type.DRUG_EFFICACY, Pattern.compile(
                    "\\b(?:drug|medication|medicine|vaccine|treatment|therapy|pill|supplement)s?\\s+(?:\\w+\\s+){0,3}?(?:works?|prevents?|stops?|reduces?|lowers?|protects?|is effective|are effective|effective against)\\b", FLAGS)));

    public List<HealthClaim> detect(String text) {
        List<HealthClaim> claims = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return claims;
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                if (claims.stream().noneMatch(c -> c.start() < end && start < c.end())) {
                    claims.add(new HealthClaim(rule.type(), start, end, text.substring(start, end)));
                }
            }
        }
        claims.sort(Comparator.comparingInt(HealthClaim::start));
        return claims;
    }
}
