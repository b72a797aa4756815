package org.carepost.review;

/**
 * One health claim found in a version's text: what kind of claim language, where (Java {@code String} indices, end
 * exclusive). Claim language is marketing wording, not PHI; the phrase is kept so the medical reviewer sees it.
 */
public record HealthClaim(Type type, int start, int end, String phrase) {

    public enum Type {
        CURE("cure"),
        GUARANTEE("guarantee"),
        ABSOLUTE("absolute"),
        PROVEN("proven"),
        SUPERLATIVE("superlative"),
        STATISTIC("statistic"),
        DRUG_EFFICACY("drug-efficacy");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
