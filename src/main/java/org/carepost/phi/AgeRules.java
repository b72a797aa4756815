package org.carepost.phi;

import java.time.Year;
import java.util.Map;
import java.util.Set;

/**
 * Ages over 89 (Safe Harbor): a number 90 to 125 in digits, words ("ninety one", "a hundred and two", "one-hundred"),
 * an ordinal ("her 95th", "his hundredth birthday"), a token ("#turning95", "the big 9-0"), "a century", or a birth
 * year 90 or more years ago is an age when the words around it say so: a cue before it ("she's", "turning", "just hit",
 * "pushing", "a spry", "made it to", "Grandma (94)", "Nana, 96!"), or words after it ("years old", "years of age",
 * "and still", "& counting"). A unit, a count, the weather or a measurement as the subject makes a number no age ("95
 * degrees", "100 followers", "95 in the shade", "his pulse was 110", "temps hit 100", "our hospital is turning 100").
 * The category Safe Harbor lets a text keep is not flagged: "90+", "90 or older", "in her 90s", "nonagenarian".
 */
final class AgeRules {

    private static final int MIN = 90;
    private static final int MAX = 125;

    /** What the words after a number say about it. */
    private enum After { OLD, YEARS, STILL, COUNT, NOT, NONE }

    /** Reaching an age: "he just hit 95", "pushing 100", "would have been 100". */
    private static final Set<String> REACH = Set.of("hit", "hits", "hitting", "pushing", "nearing", "approaching",
            "been", "reach", "reaching");
    /** Cues that make a number an age even before a verb in -s ("turning 100 means ..."). */
    private static final Set<String> STRONG_CUES = Set.of("turning", "turned", "turns", "turn", "aged", "age",
            "celebrating", "celebrated", "celebrates", "happy");
    /** Hedges between a cue and the age: "she's like 97", "he is literally 96". */
    private static final Set<String> HEDGES = Set.of("like", "literally", "basically", "practically", "legit",
            "officially", "finally", "only", "already", "still", "about", "around", "nearly", "almost", "just", "now",
            "actually", "really", "gonna", "going");
    /** "a spry 94", "a young 95". */
    private static final Set<String> ADJECTIVES = Set.of("spry", "young", "feisty", "sprightly", "youthful",
            "vibrant", "sassy", "lively", "spirited", "fabulous", "glorious", "amazing", "remarkable", "ripe",
            "sharp", "healthy", "beautiful", "wonderful", "incredible", "proud", "strong", "tender");
    /** "turning the big 100". */
    private static final Set<String> BIG_CUES = Set.of("turning", "turned", "turns", "turn", "hit", "hits",
            "hitting", "celebrating", "celebrated", "celebrates", "reached", "reaching", "reaches", "approaching",
            "nearing", "pushing");
    /** "a woman of 93", "the age of 96". */
    private static final Set<String> OF_PERSONS = Set.of("age", "ages", "man", "woman", "lady", "gentleman", "soul",
            "gal", "guy", "fellow", "gent");
    /** "made it to 100", "lived until 99", "live to see 100". */
    private static final Set<String> TO_VERBS = Set.of("it", "lived", "live", "living", "lives", "survived",
            "survive");
    /** "97 and still", "95 & counting", "96 going on 16". */
    private static final Set<String> STILL = Set.of("still", "counting", "thriving", "fabulous", "fab", "sharp",
            "feisty", "fierce", "kicking", "going", "loving", "blessed", "sassy", "spry", "independent", "strong");
    /** "90 and up", "90 or older": a range of ages, the category Safe Harbor allows. */
    private static final Set<String> RANGE = Set.of("up", "older", "over", "above", "more", "so", "less", "fewer",
            "under", "younger", "beyond");
    /** The weather after a number: "95 outside", "100 and humid". */
    private static final Set<String> WEATHER = Set.of("outside", "shade", "sunny", "humid", "hot", "cold", "inside",
            "degree", "degrees", "humidity", "windy", "rain", "rainy", "cloudy");
    /** After the years: the age is someone's ("93 years young", "96 years of age"), or it is a duration. */
    private static final Set<String> NOT_AN_AGE_AFTER_YEARS = Set.of("ago", "of", "later", "earlier", "since",
            "before", "prior", "back", "in", "at", "as", "serving", "caring", "together", "married", "apart");
    /** Before "N years": a duration ("for 95 years", "over 100 years", "for almost 100 years"). */
    private static final Set<String> DURATION = Set.of("for", "over", "than", "past", "last", "within", "through",
            "spanning", "across", "after", "since", "in", "the", "those", "these", "first", "next");
    /** Approximations between a duration word and the years: "for almost 100 years", "more than 100 years". */
    private static final Set<String> APPROXIMATELY = Set.of("nearly", "almost", "about", "around", "some", "just",
            "well", "more", "roughly", "close", "to");
    /** "celebrating 100 years" with nobody named is the organisation's anniversary. */
    private static final Set<String> ANNIVERSARY = Set.of("celebrating", "celebrate", "celebrated", "celebrates",
            "marking", "marks", "marked");
    /** Persons a clause may be about besides kin and pronouns. */
    private static final Set<String> PERSONS = Set.of("who", "whos", "volunteer", "volunteers", "resident",
            "residents", "veteran", "vet", "member", "guest", "lady", "man", "woman", "gentleman", "guy", "gal",
            "girl", "boy", "grandparent", "grandparents", "parent", "parents", "soul", "gramma", "grammy", "nan",
            "pop", "pop-pop", "meemaw", "memaw", "peepaw", "granddad", "granddaddy", "grandmama", "mamaw", "papaw",
            "gigi", "ya", "u", "you", "y'all", "yall");
    /** Subjects of a number that is no age: measurements, scores, counts, things, the weather, the organisation. */
    private static final Set<String> NOT_PERSONS = Set.of("fever", "temp", "temps", "temperature", "temperatures",
            "heat", "high", "highs", "low", "lows", "index", "weather", "forecast", "thermometer", "oxygen", "o2",
            "sats", "sat", "saturation", "spo2", "ox", "pulse", "rate", "hr", "bp", "pressure", "systolic",
            "diastolic", "sugar", "sugars", "glucose", "a1c", "insulin", "score", "scores", "scored", "grade",
            "grades", "exam", "test", "quiz", "iq", "gpa", "weight", "weighs", "weighed", "bmi", "count", "line",
            "queue", "battery", "speed", "speedometer", "highway", "freeway", "interstate", "traffic", "bill",
            "total", "price", "cost", "balance", "amount", "budget", "answer", "page", "bus", "route", "exit",
            "channel", "rank", "ranked", "ranking", "level", "levels", "reading", "readings", "number", "numbers",
            "heartrate", "rr", "resp", "respirations", "wbc", "platelets", "ldl", "hdl", "cholesterol", "ef",
            "it", "we", "our", "us", "building", "house", "tree", "bridge", "business", "company", "store", "shop",
            "restaurant", "team", "floor", "ward", "town", "city", "county", "car", "truck", "engine", "mph",
            "followers", "likes", "views", "subscribers", "account", "post", "video", "wifi", "signal", "lot", "garage",
            "deck", "spot", "space", "aisle", "gate", "door");
    /** "Happy 100th!", "celebrating her 95th": before an ordinal. */
    private static final Set<String> ORDINAL_CUES = Set.of("happy", "belated", "celebrating", "celebrated",
            "celebrates", "celebrate", "turns", "turned", "turning");
    /** After an ordinal with a possessive before it: "her 95th!", "Grandma's 95th was a blast". */
    private static final Set<String> ORDINAL_ENDS = Set.of("and", "today", "yesterday", "tomorrow", "tonight", "on",
            "with", "to", "party", "bash", "celebration", "was", "is", "this", "next", "last", "in", "at", "we");
    /** Inside a token: "#turning95", "#happy100th". */
    private static final String[] TAG_BEFORE = {"turning", "turns", "turned", "happy", "hello", "aged", "age",
        "finally", "officially", "just", "still"};
    /** Inside a token: "#95andfabulous", "#100yearsyoung". */
    private static final String[] TAG_AFTER = {"years", "yrs", "young", "thbirthday", "thbday", "andstill",
        "andcounting", "andthriving", "andfabulous", "andfab", "andstrong", "andsharp", "andfierce", "andfeisty",
        "andkicking", "andblessed"};
    /** "celebrated a century". */
    private static final Set<String> CENTURY_CUES = Set.of("turned", "turning", "turns", "celebrated", "celebrating",
            "celebrates", "reached", "reaching", "reaches", "lived", "lives", "living", "marked", "marking");
    /** Ordinal words of the units, for "one hundred and first". */
    private static final Map<String, Integer> UNIT_ORDINALS = Map.ofEntries(Map.entry("first", 1),
            Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5),
            Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9),
            Map.entry("tenth", 10));

    private AgeRules() {
    }

    private static boolean inRange(int v) {
        return v >= MIN && v <= MAX;
    }

    // ---------------------------------------------------------------- numbers in digits and words

    /** Tokens a..b hold a number 90 to 125 (digits or words): is it someone's age? */
    static boolean context(TextScan s, int a, int b) {
        After after = after(s, b);
        if (after == After.NOT || subject(s, a) < 0) {
            return false;
        }
        return switch (after) {
            case OLD -> true;
            case YEARS -> !durationBefore(s, a) && (subject(s, a) > 0
                    || cueBefore(s, a, b) && !ANNIVERSARY.contains(s.low(a - 1)));
            case STILL -> clauseStart(s, a) || cueBefore(s, a, b);
            case COUNT -> a > 0 && STRONG_CUES.contains(s.low(a - 1)) && s.ts[a] - s.te[a - 1] <= 3;
            default -> cueBefore(s, a, b);
        };
    }

    static boolean context(TextScan s, int k) {
        return context(s, k, k);
    }

    private static After after(TextScan s, int b) {
        int e = s.te[b];
        if (e < s.n) {
            char c = s.buf[e];
            if (c == '%' || c == '+' || c == '°' || c == '/') {
                return After.NOT;
            }
            if ((c == '.' || c == ',' || c == ':' || c == '-' || c == '\u2013') && e + 1 < s.n
                    && TextScan.isAsciiDigit(s.buf[e + 1])) {
                return After.NOT; // "100.4", "100,000", "95-100"
            }
        }
        int j = e;
        while (j < s.n && s.buf[j] == ' ') {
            j++;
        }
        if (startsWord(s, j, "years") || startsWord(s, j, "year") || startsWord(s, j, "yrs") || startsWord(s, j, "yr")
                || s.text.regionMatches(true, j, "year-old", 0, 8) || s.text.regionMatches(true, j, "yr-old", 0, 6)) {
            int w = b + 2;
            String next = w < s.count ? s.low(w) : "";
            if (next.equals("old") || next.equals("young") || s.text.regionMatches(true, j, "year-old", 0, 8)
                    || s.text.regionMatches(true, j, "yr-old", 0, 6)
                    || next.equals("of") && (s.is(w + 1, "age") || s.is(w + 1, "life") || s.is(w + 2, "life"))) {
                return After.OLD;
            }
            return NOT_AN_AGE_AFTER_YEARS.contains(next) ? After.NOT : After.YEARS;
        }
        if (startsWord(s, j, "yo") || startsWord(s, j, "a\u00f1os") || startsWord(s, j, "anos") || s.text.regionMatches(true, j, "y/o", 0, 3)
                || s.text.regionMatches(true, j, "y.o", 0, 3) || birthdayAt(s, j)) {
            return After.OLD;
        }
        int n = b + 1;
        if (n >= s.count) {
            return After.NONE;
        }
        int gap = s.ts[n] - e;
        if (gap == 3 && s.buf[e + 1] == '&' && STILL.contains(s.low(n))) {
            return After.STILL; // "97 & still"
        }
        if (gap > 2) {
            return After.NONE;
        }
        if ((s.fl[n] & PhiWords.F_AGE_UNIT) != 0) {
            return After.NOT;
        }
        if (!s.spaced(b, n, 2)) {
            return After.NONE; // "Grandpa (96) loves", "Ruth, 97, lives"
        }
        if ((s.fl2[n] & PhiWords.G_NTH_NOUN) != 0 && !s.is(n, "in") || WEATHER.contains(s.low(n))) {
            return After.NOT;
        }
        if (plural(s, n)) {
            return After.COUNT; // "100 followers", unless "turning 100 means ..."
        }
        if (s.is(n, "in") && (s.is(n + 1, "line") || s.is(n + 2, "shade") || s.is(n + 2, "queue")
                || s.is(n + 1, "a") && s.is(n + 2, "row"))) {
            return After.NOT; // "95 in the shade", "number 95 in line"
        }
        if ((s.is(n, "and") || s.is(n, "or")) && n + 1 < s.count && RANGE.contains(s.low(n + 1))) {
            return After.NOT; // "90 and up", "90 or older"
        }
        if (s.is(n, "and") && n + 1 < s.count && STILL.contains(s.low(n + 1))
                || s.is(n, "going") && s.is(n + 1, "on")) {
            return After.STILL;
        }
        return After.NONE;
    }

    /** The word w (case-insensitive) at position j, not the start of a longer word. */
    private static boolean startsWord(TextScan s, int j, String w) {
        int e = j + w.length();
        return s.text.regionMatches(true, j, w, 0, w.length()) && (e >= s.n || !Character.isLetter(s.buf[e]));
    }

    /** The years before token a are a duration: "for 95 years", "for almost 100 years", "more than 100 years". */
    private static boolean durationBefore(TextScan s, int a) {
        for (int p = a - 1; p >= 0 && p >= a - 3; p--) {
            String w = s.low(p);
            if (DURATION.contains(w)) {
                return true;
            }
            if (!APPROXIMATELY.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /** Token n is a plural noun ("100 followers", "95 volunteers"): a count, no age. */
    private static boolean plural(TextScan s, int n) {
        String w = s.low(n);
        int len = w.length();
        if (len < 4 || w.charAt(len - 1) != 's' || w.charAt(len - 2) == 's' || NOT_PLURALS.contains(w)
                || !s.isAllLetters(n)) {
            return false;
        }
        return english(s, w.substring(0, len - 1)) || w.endsWith("es") && english(s, w.substring(0, len - 2));
    }

    private static final Set<String> NOT_PLURALS = Set.of("this", "thus", "always", "thanks", "towards",
            "afterwards", "besides", "sometimes", "anyways", "perhaps", "yours", "hers", "ours", "theirs", "years",
            "news", "whereas", "lets", "plus", "bless", "yes", "does", "goes", "has", "was", "is");

    private static boolean english(TextScan s, String w) {
        int slot = s.vocab.slot(w);
        return slot >= 0 && (s.vocab.flags(slot) & (PhiWords.F_ENGLISH | PhiWords.F_ANY_ENGLISH)) != 0;
    }

    /**
     * Who the clause before token a is about, nearest first: +1 a person ("my nana", "she", "Ruth", "our oldest
     * volunteer"), -1 a measurement, a thing or the organisation ("his pulse was", "temps hit", "our hospital is",
     * "we", "it was"), 0 nobody named.
     */
    private static int subject(TextScan s, int a) {
        for (int i = a - 1; i >= 0 && i >= a - 8; i--) {
            if (i < a - 1 && clauseEndsAfter(s, i)) {
                return 0;
            }
            if ((s.fl[i] & PhiWords.F_KIN) != 0 || (s.fl2[i] & PhiWords.G_PERSONAL) != 0) {
                return 1;
            }
            String w = s.low(i);
            if (w.equals("it") && s.is(i + 1, "to")) {
                continue; // "made it to 100": "it" is no subject there
            }
            if (PERSONS.contains(w)) {
                return 1;
            }
            if (NOT_PERSONS.contains(w) || (s.fl[i] & PhiWords.F_ORG_HEAD) != 0
                    || s.isCap(i) && s.directory.isOrgShortName(w)) {
                return -1;
            }
            if (s.isCap(i) && (s.fl[i] & PhiWords.F_NAME) != 0 && (s.fl[i] & PhiWords.F_ENGLISH) == 0) {
                return 1;
            }
        }
        return 0;
    }

    private static boolean clauseEndsAfter(TextScan s, int i) {
        for (int c = s.te[i]; c < s.ts[i + 1]; c++) {
            if (".!?;:,\n".indexOf(s.buf[c]) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Nothing before token a in its clause but spaces, quotes, a hashtag sign or emoji. */
    private static boolean clauseStart(TextScan s, int a) {
        for (int i = s.ts[a] - 1; i >= 0; i--) {
            char c = s.buf[i];
            if (".!?\n:;,-\u2013\u2014(".indexOf(c) >= 0) {
                return true;
            }
            if (Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** The words right before tokens a..b make them an age. */
    private static boolean cueBefore(TextScan s, int a, int b) {
        if (a == 0) {
            return false;
        }
        int p = a - 1;
        int gap = s.ts[a] - s.te[p];
        char c1 = s.buf[s.ts[a] - 1];
        char c2 = gap >= 2 ? s.buf[s.ts[a] - 2] : ' ';
        char after = s.te[b] < s.n ? s.buf[s.te[b]] : '\0';
        if (c1 == '(' && gap <= 2) {
            // "Grandma (94) loves", "Ruth Ames (97)", "my nana rose (96)", but not "Volunteers (100)", "parking lot (95)"
            return after == ')' && s.isAllLetters(p) && ((s.fl[p] & PhiWords.F_KIN) != 0
                    || (s.isCap(p) || (s.fl[p] & PhiWords.F_NAME) != 0) && !plural(s, p));
        }
        if (gap > 3) {
            return false;
        }
        if (c2 == ',' && c1 == ' ') {
            // "Lamar from Tamsworth, 95, three-time survivor"; "my nana, 96!", "Grandpa Joe, 97."
            return after == ',' || ((s.fl[p] & PhiWords.F_KIN) != 0 || s.isCap(p))
                    && (after == '\0' || ".!;)".indexOf(after) >= 0 || b + 1 >= s.count
                    || s.ts[b + 1] - s.te[b] > 1 && Character.isSurrogate(s.buf[s.te[b] + 1]));
        }
        if (c1 == ':' || c2 == ':') {
            // "Age: 93", "Age at admission: 97"
            for (int i = p; i >= 0 && i >= p - 3; i--) {
                if (s.is(i, "age") || s.is(i, "aged")) {
                    return true;
                }
            }
            return false;
        }
        if (cue(s, p)) {
            return true;
        }
        String w = s.low(p);
        if (HEDGES.contains(w) && p > 0 && s.ts[p] - s.te[p - 1] <= 3 && cue(s, p - 1)) {
            return true; // "she's like 97", "is literally 96"
        }
        if ((s.fl[p] & PhiWords.F_KIN) != 0 && !s.is(p, "patient") && !s.is(p, "named")) {
            return true; // "Nana 97 and still sharp", "Grandpa's 98"
        }
        if (gap == 3 && s.isCap(p) && (s.buf[s.te[p]] == '\'' || s.buf[s.te[p]] == '\u2019')
                && (s.fl[p] & PhiWords.F_NAME) != 0) {
            return true; // "Ruth's 98 and sharp"
        }
        if (p > 0 && ADJECTIVES.contains(w) && (s.is(p - 1, "a") || s.is(p - 1, "an"))) {
            return true; // "a spry 94"
        }
        if (p > 1 && w.equals("big") && s.is(p - 1, "the") && BIG_CUES.contains(s.low(p - 2))) {
            return true; // "turning the big 100"
        }
        if (p > 0 && (w.equals("to") || w.equals("until") || w.equals("till") || w.equals("til"))
                && TO_VERBS.contains(s.low(p - 1))) {
            return true; // "made it to 100", "lived until 99"
        }
        return p > 1 && w.equals("see") && s.is(p - 1, "to") && TO_VERBS.contains(s.low(p - 2));
    }

    /** Token p is an age cue right before a number: "she's", "turning", "aged", "just hit", "pushing". */
    private static boolean cue(TextScan s, int p) {
        if (s.is(p, "of")) {
            return p > 0 && OF_PERSONS.contains(s.low(p - 1)); // "the age of 93", "a woman of 93"
        }
        return (s.fl[p] & PhiWords.F_AGE_BEFORE) != 0 || REACH.contains(s.low(p));
    }

    // ---------------------------------------------------------------- ordinals

    /** An ordinal 90th to 125th at tokens a..b (digits or words): a birthday? */
    static boolean ordinal(TextScan s, int a, int b) {
        if (subject(s, a) < 0) {
            return false;
        }
        int e = s.te[b];
        int j = e;
        while (j < s.n && s.buf[j] == ' ') {
            j++;
        }
        if (birthdayAt(s, j)) {
            return true;
        }
        int n = b + 1;
        if (a < 1) {
            return false;
        }
        int p = a - 1;
        boolean possessive = s.is(p, "his") || s.is(p, "her") || s.is(p, "my") || s.is(p, "their")
                || s.is(p, "your") || s.ts[a] - s.te[p] == 3 && (s.buf[s.te[p]] == '\'' || s.buf[s.te[p]] == '\u2019')
                && ((s.fl[p] & PhiWords.F_KIN) != 0 || s.isCap(p));
        if (possessive && s.is(n, "year") && p > 0 && s.is(p - 1, "in")) {
            return true; // "in his 96th year"
        }
        boolean noun = n < s.count && s.ts[n] - e <= 2 && ((s.fl2[n] & PhiWords.G_NTH_NOUN) != 0 || plural(s, n));
        if (ORDINAL_CUES.contains(s.low(p))) {
            return !noun; // "Happy belated 95th to your mom", not "Happy 100th anniversary"
        }
        boolean ends = n >= s.count || ".!,;)".indexOf(s.charAfter(b)) >= 0 || ORDINAL_ENDS.contains(s.low(n))
                || s.has(n, PhiWords.F_KIN) || s.ts[n] - e > 1 && Character.isSurrogate(s.buf[e + 1]);
        return possessive && ends;
    }

    static boolean ordinal(TextScan s, int k) {
        return ordinal(s, k, k);
    }

    private static boolean birthdayAt(TextScan s, int j) {
        return s.text.regionMatches(true, j, "birthday", 0, 8) || s.text.regionMatches(true, j, "bday", 0, 4)
                || s.text.regionMatches(true, j, "b-day", 0, 5);
    }

    // ---------------------------------------------------------------- spelled out

    /** "ninety", "ninety one", "ninety-four", "a hundred and one", "one hundred two", "ninety-fifth", "hundredth". */
    static void inWords(TextScan s, int k) {
        String[] words = new String[5];
        int m = 0;
        words[m++] = s.low(k);
        for (int j = k + 1; j < s.count && m < 5 && s.spaced(j - 1, j, 1); j++) {
            words[m++] = s.low(j);
        }
        int[] parsed = parse(words, m);
        if (parsed == null) {
            return;
        }
        int v = parsed[0];
        int end = k + parsed[1] - 1;
        boolean ordinal = parsed[2] == 1;
        if (!inRange(v)) {
            return;
        }
        int start = k;
        if (k > 0 && v >= 100 && s.is(k, "hundred") && s.is(k - 1, "a") && s.spaced(k - 1, k, 1)) {
            start = k - 1; // "a hundred"
        }
        if (ordinal ? ordinal(s, start, end) : context(s, start, end)) {
            s.identifier(s.ts[start], s.te[end], PhiType.AGE_OVER_89);
        }
    }

    /**
     * A hyphenated number in one token: "one-hundred", "ninety-one-year-old", "hundred-and-two"; only the number is
     * flagged, as with "92-yr-old".
     */
    static boolean compound(TextScan s, int k) {
        int t = s.ts[k];
        int len = s.length(k);
        char c = (char) (s.buf[t] | 32);
        if (len < 10 || c != 'n' && c != 'h' && c != 'o' || !(s.text.regionMatches(true, t, "ninety-", 0, 7) || s.text.regionMatches(true, t, "hundred-", 0, 8)
                || s.text.regionMatches(true, t, "one-hundred", 0, 11))) {
            return false;
        }
        String[] parts = s.low(k).split("-");
        int m = parts.length;
        boolean old = false;
        if (m >= 3 && parts[m - 1].equals("old") && (parts[m - 2].startsWith("year") || parts[m - 2].startsWith("yr"))) {
            old = true;
            m -= 2;
        }
        int[] parsed = parse(parts, m);
        if (parsed == null || parsed[1] != m || !inRange(parsed[0])) {
            return false;
        }
        int numberEnd = t;
        for (int i = 0; i < m; i++) {
            numberEnd += parts[i].length() + (i > 0 ? 1 : 0);
        }
        if (old || (parsed[2] == 1 ? ordinal(s, k) : context(s, k))) {
            s.identifier(t, numberEnd, PhiType.AGE_OVER_89);
            return true;
        }
        return false;
    }

    /** {value, words used, 1 if an ordinal} of the number the words start with, or null. */
    private static int[] parse(String[] w, int m) {
        Integer first = PhiWords.NUMBER_WORDS.get(w[0]);
        Integer firstOrdinal = PhiWords.ORDINAL_WORDS.get(w[0]);
        if (firstOrdinal != null) {
            return new int[] {firstOrdinal, 1, 1};
        }
        if (first == null) {
            return null;
        }
        int v = first;
        int used = 1;
        if (v == 90 && m > 1) {
            Integer unit = PhiWords.NUMBER_WORDS.get(w[1]);
            Integer unitOrdinal = UNIT_ORDINALS.get(w[1]);
            if (unit != null && unit >= 1 && unit <= 9) {
                return new int[] {90 + unit, 2, 0}; // "ninety one"
            }
            if (unitOrdinal != null && unitOrdinal <= 9) {
                return new int[] {90 + unitOrdinal, 2, 1}; // "ninety first"
            }
        }
        if (v == 0 || v == 1) {
            if (m > 1 && w[1].equals("hundredth")) {
                return new int[] {100, 2, 1};
            }
            if (m < 2 || !w[1].equals("hundred")) {
                return null;
            }
            v = 100;
            used = 2;
        }
        if (v == 100 && used < m) {
            int j = used;
            if (w[j].equals("and") && j + 1 < m) {
                j++;
            }
            Integer unit = PhiWords.NUMBER_WORDS.get(w[j]);
            Integer unitOrdinal = UNIT_ORDINALS.get(w[j]);
            if (unit != null && unit >= 1 && unit <= 25) {
                return new int[] {100 + unit, j + 1, 0};
            }
            if (unitOrdinal != null) {
                return new int[] {100 + unitOrdinal, j + 1, 1};
            }
        }
        return new int[] {v, used, 0};
    }

    // ---------------------------------------------------------------- tokens, a century, a birth year

    /** "#turning95", "#95andfabulous", "#happy100th", "#100yearsyoung", "the big 9-0": the digits are the age. */
    static boolean inToken(TextScan s, int k) {
        String tok = s.low(k);
        int t = s.ts[k];
        if (tok.equals("9-0") || tok.equals("1-0-0")) {
            if (k > 0 && s.is(k - 1, "big")) {
                s.identifier(t, s.te[k], PhiType.AGE_OVER_89);
                return true;
            }
            return false;
        }
        for (int i = 0; i < tok.length(); i++) {
            if (!Character.isDigit(tok.charAt(i))) {
                continue;
            }
            int j = i;
            int v = 0;
            while (j < tok.length() && Character.isDigit(tok.charAt(j))) {
                v = v * 10 + (tok.charAt(j) - '0');
                j++;
            }
            if (j - i >= 2 && j - i <= 3 && inRange(v)) {
                String before = tok.substring(0, i);
                String afterDigits = tok.substring(j);
                if (endsWithAny(before, TAG_BEFORE) || before.isEmpty() && startsWithAny(afterDigits, TAG_AFTER)) {
                    s.identifier(t + i, t + j, PhiType.AGE_OVER_89);
                    return true;
                }
            }
            i = j;
        }
        return false;
    }

    private static boolean endsWithAny(String w, String[] suffixes) {
        for (String x : suffixes) {
            if (w.endsWith(x)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String w, String[] prefixes) {
        for (String x : prefixes) {
            if (w.startsWith(x)) {
                return true;
            }
        }
        return false;
    }

    /** "she celebrated a century", "turned a century": 100, unless "a century of care", "a century ago". */
    static void century(TextScan s, int k) {
        int a = k - 1;
        if (a > 0 && (s.is(a, "full") || s.is(a, "whole"))) {
            a--;
        }
        if (a < 1 || !s.is(a, "a") || !CENTURY_CUES.contains(s.low(a - 1))) {
            return;
        }
        int n = k + 1;
        if (n < s.count && (s.is(n, "of") || s.is(n, "ago") || s.is(n, "old") || s.is(n, "later")
                || s.is(n, "earlier") || s.is(n, "before") || s.is(n, "after"))) {
            return;
        }
        if (subject(s, a) >= 0) {
            s.identifier(s.ts[a], s.te[k], PhiType.AGE_OVER_89);
        }
    }

    /** "born in 1929": a birth year 90 to 125 years ago gives the age. */
    static boolean birthYear(TextScan s, int k, int year) {
        int age = Year.now().getValue() - year;
        if (!inRange(age) || k == 0) {
            return false;
        }
        return s.is(k - 1, "born") || s.is(k - 1, "in") && s.is(k - 2, "born");
    }
}
