package org.carepost.phi;

/**
 * Ages over 89 (Safe Harbor): a number 90 to 125 in digits, words or an ordinal is an age when the words around it
 * say so ("she's 93", "turned one hundred and two", "her 100th!").
 */
final class AgeRules {

    private AgeRules() {
    }

    /** An ordinal 90th to 125th at token k (digits + st/nd/rd/th): a birthday? */
    static boolean ordinal(TextScan s, int k) {
        return birthdayAfter(s, s.te[k]) || birthdayOrdinal(s, k);
    }

    /** "her 90th!", "happy 100th", "celebrating his 95th": an ordinal with nothing after it but punctuation. */
    private static boolean birthdayOrdinal(TextScan s, int k) {
        boolean ends = k + 1 >= s.count || ".!,;)".indexOf(s.charAfter(k)) >= 0 || s.is(k + 1, "and")
                || s.is(k + 1, "today") || s.is(k + 1, "yesterday") || s.is(k + 1, "on") || s.is(k + 1, "with")
                || s.has(k + 1, PhiWords.F_KIN);
        return ends && k > 0 && (s.is(k - 1, "his") || s.is(k - 1, "her") || s.is(k - 1, "my") || s.is(k - 1, "their")
                || s.is(k - 1, "happy") || s.is(k - 1, "celebrating") || s.is(k - 1, "celebrated")
                || s.is(k - 1, "celebrates") || s.is(k - 1, "turns") || s.is(k - 1, "turned"));
    }

    private static boolean birthdayAfter(TextScan s, int e) {
        int j = e;
        while (j < s.n && s.buf[j] == ' ') {
            j++;
        }
        return s.text.regionMatches(true, j, "birthday", 0, 8) || s.text.regionMatches(true, j, "bday", 0, 4)
                || s.text.regionMatches(true, j, "b-day", 0, 5);
    }

    static boolean context(TextScan s, int k) {
        int e = s.te[k];
        int j = e;
        while (j < s.n && s.buf[j] == ' ') {
            j++;
        }
        // "90 years old", "a 92-year-old", "95 yo", "96 yrs", "100th birthday"
        if (s.text.regionMatches(true, j, "years", 0, 5) || s.text.regionMatches(true, j, "year", 0, 4)
                || s.text.regionMatches(true, j, "yrs", 0, 3) || s.text.regionMatches(true, j, "yr", 0, 2)
                || s.text.regionMatches(true, e, "th birthday", 0, 11) || birthdayAfter(s, e)
                || (j < s.n - 1 && s.text.regionMatches(true, j, "yo", 0, 2) && !Character.isLetter(charAt(s, j + 2)))
                || s.text.regionMatches(true, j, "y/o", 0, 3) || s.text.regionMatches(true, j, "y.o", 0, 3)) {
            return !(s.text.regionMatches(true, j, "years ago", 0, 9) || s.text.regionMatches(true, j, "years of", 0, 8)
                    || s.text.regionMatches(true, j, "year ago", 0, 8));
        }
        if (e < s.n && (s.buf[e] == '%' || s.buf[e] == '+' || s.buf[e] == '°' || s.buf[e] == '/')) {
            return false;
        }
        if (k + 1 < s.count && s.ts[k + 1] - e <= 2) {
            if ((s.fl[k + 1] & PhiWords.F_AGE_UNIT) != 0 || (s.fl2[k + 1] & PhiWords.G_NTH_NOUN) != 0) {
                return false;
            }
            if (s.is(k + 1, "and") && k + 2 < s.count && (s.is(k + 2, "up") || s.is(k + 2, "older") || s.is(k + 2, "over"))) {
                return false;
            }
        }
        if (k > 0) {
            int prev = k - 1;
            if ((s.fl[prev] & PhiWords.F_AGE_BEFORE) != 0 && s.ts[k] - s.te[prev] <= 3) {
                // "the age of 93", but not "a temperature of 103"
                return !s.is(prev, "of") || (prev > 0 && (s.is(prev - 1, "age") || s.is(prev - 1, "ages")));
            }
            // "made it to 100", "lived to 101"
            if (s.is(prev, "to") && prev > 0 && (s.is(prev - 1, "it") || s.is(prev - 1, "lived")
                    || s.is(prev - 1, "live") || s.is(prev - 1, "living"))) {
                return true;
            }
            // "Grandma (94) loves", "Ruth Ames (97)"
            if (s.charBefore(k) == '(' && e < s.n && s.buf[e] == ')' && s.ts[k] - s.te[prev] <= 2
                    && (s.isCap(prev) || (s.fl[prev] & PhiWords.F_KIN) != 0)) {
                return true;
            }
            // "Lamar from Tamsworth, 95, three-time survivor"
            return s.buf[s.ts[k] - 1] == ' ' && s.ts[k] >= 2 && s.buf[s.ts[k] - 2] == ',' && e < s.n && s.buf[e] == ',';
        }
        return false;
    }

    private static char charAt(TextScan s, int i) {
        return i < s.n ? s.buf[i] : '\0';
    }

    /** "ninety", "ninety-four", "a hundred and one", "one hundred": an age when the context says so. */
    static void inWords(TextScan s, int k) {
        int v = wordValue(s, k);
        int end = k;
        if (v == 1 || v == 0) {
            // "one hundred (and) two"
            if (k + 1 < s.count && s.is(k + 1, "hundred") && s.spaced(k, k + 1, 1)) {
                v = 100;
                end = k + 1;
            } else {
                return;
            }
        }
        if (v == 100) {
            int j = end + 1;
            if (j + 1 < s.count && s.is(j, "and") && s.spaced(end, j, 1)) {
                int u = wordValue(s, j + 1);
                if (u >= 1 && u <= 25) {
                    v += u;
                    end = j + 1;
                }
            } else if (j < s.count && s.spaced(end, j, 1)) {
                int u = wordValue(s, j);
                if (u >= 1 && u <= 25) {
                    v += u;
                    end = j;
                }
            }
        }
        if (v < 90 || v > 125) {
            return;
        }
        int start = k;
        if (k > 0 && v >= 100 && s.is(k - 1, "a") && s.spaced(k - 1, k, 1)) {
            start = k - 1; // "a hundred"
        }
        if (context(s, end) || wordAgeBefore(s, start)) {
            s.identifier(s.ts[start], s.te[end], PhiType.AGE_OVER_89);
        }
    }

    /** "she's ninety", "turned a hundred": the same cues as for digits, looked up before the first word. */
    private static boolean wordAgeBefore(TextScan s, int k) {
        return k > 0 && (s.fl[k - 1] & PhiWords.F_AGE_BEFORE) != 0 && !s.is(k - 1, "of") && s.ts[k] - s.te[k - 1] <= 3;
    }

    private static int wordValue(TextScan s, int k) {
        if (k >= s.count) {
            return -1;
        }
        String w = s.low(k);
        Integer v = PhiWords.NUMBER_WORDS.get(w);
        if (v != null) {
            return v;
        }
        return -1;
    }
}
