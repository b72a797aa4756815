package org.carepost.phi;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers and dates: SSNs, dates (numeric, written, weekday + ordinal, holidays of a person's life), labelled values
 * ("MRN 00482913", "member ID ...", "plate ...", "room 412B"), unlabelled identifier-shaped tokens, and ages over 89
 * (digits, words, "92-yr-old", "100th birthday"). Labels and titles are never part of a span. Patterns are used with
 * lookingAt() at a token start, each only when the token's shape can match, so no regex scans the whole text.
 */
final class NumberDateRules {

    private static final String MONTHS = "(?:January|February|March|April|May|June|July|August|September"
            + "|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    /** Months whose lower-case form is no other word ("may" and "march" are). */
    private static final String MONTHS_ANY_CASE = "(?:" + MONTHS + "|(?i:january|february|april|june|july|august"
            + "|september|october|november|december|sept|jan|feb|apr|jun|jul|aug|sep|oct|nov|dec))";
    private static final String WEEKDAYS = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
            + "|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)";
    private static final String ORD = "(?:st|nd|rd|th)";
    private static final String YEAR_TAIL = "(?:,?\\s(?:19|20)\\d{2}(?!\\d)|\\s'\\d{2}\\b)?";

    static final Pattern SSN = Pattern.compile("\\d{3}([- ])\\d{2}\\1\\d{4}(?!\\d)");
    static final Pattern ISO_DATE = Pattern.compile(
            "(?:19|20)\\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\\d|3[01])(?!\\d)");
    static final Pattern NUM_DATE = Pattern.compile(
            "(\\d{1,2})([/.-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?(?![\\d/]|\\.\\d|-\\d)");
    static final Pattern DAY_MONTH = Pattern.compile(
            "(?i:the\\s)?\\d{1,2}" + ORD + "?\\s(?i:of\\s)?" + MONTHS_ANY_CASE + "\\b\\.?" + YEAR_TAIL);
    /** Not a day: a time or a time range follows the number ("in October, 4 to 7 p.m."). */
    private static final String NOT_A_TIME = "(?!\\s?(?:a\\.m|p\\.m|am\\b|pm\\b)|\\s?(?:-|\u2013|to)\\s?\\d{1,2}"
            + "(?::\\d{2})?\\s?(?:a\\.m|p\\.m|am\\b|pm\\b))";
    static final Pattern MONTH_DAY = Pattern.compile(
            "(?i:" + MONTHS + ")\\b\\.?,?\\s(?:(?:the\\s)?\\d{1,2}" + ORD + "?(?![\\d:])" + NOT_A_TIME + YEAR_TAIL
                    + "|(?:19|20)\\d{2}(?!\\d))");
    static final Pattern WEEKDAY_DATE = Pattern.compile(
            "(?i:" + WEEKDAYS + ")\\b\\.?,?\\s(?:(?:the\\s)?\\d{1,2}" + ORD + "(?:\\sof\\s(?i:" + MONTHS + "))?"
                    + "|(?i:" + MONTHS + ")\\b\\.?\\s\\d{1,2}" + ORD + "?(?!\\d)" + YEAR_TAIL + ")");
    static final Pattern THE_NTH_OF = Pattern.compile(
            "(?i:the)\\s\\d{1,2}" + ORD + "\\sof\\s(?i:" + MONTHS + ")\\b" + YEAR_TAIL);
    /** "the 17th" on its own (a day of the month) unless a noun follows ("the 3rd floor"). */
    static final Pattern THE_NTH = Pattern.compile("(?i:the)\\s\\d{1,2}" + ORD + "\\b");
    static final Pattern HOLIDAY = Pattern.compile("(?i:(?:christmas|xmas)(?:\\s(?:eve|day|morning|night))?"
            + "|new\\syear['\u2019]?s(?:\\s(?:eve|day))?|valentine['\u2019]?s(?:\\sday)?|thanksgiving(?:\\sday)?"
            + "|halloween|easter(?:\\s(?:sunday|monday))?|mother['\u2019]?s\\sday|father['\u2019]?s\\sday"
            + "|independence\\sday|memorial\\sday|labor\\sday|veterans['\u2019]?\\sday|st\\.?\\spatrick['\u2019]?s\\sday"
            + "|juneteenth|hanukkah|diwali|eid(?:\\sal-\\w+)?|kwanzaa|boxing\\sday|cinco\\sde\\smayo)"
            + "(?:,?\\s(?:19|20)\\d{2}(?!\\d))?");
    private static final Pattern FOURTH_OF_JULY = Pattern.compile(
            "(?i:(?:the\\s)?(?:4th|fourth)\\sof\\sjuly)(?:,?\\s(?:19|20)\\d{2}(?!\\d))?");
    /** A labelled value: upper-case/digit groups, joined by '-' or by a space when the next group has a digit. */
    static final Pattern LABEL_VALUE = Pattern.compile(
            "[A-Z0-9]+(?:-[A-Z0-9]+)*(?:\\s(?=[A-Z0-9-]*\\d)[A-Z0-9]+(?:-[A-Z0-9]+)*){0,3}(?![a-z])");
    static final Pattern ROOM_VALUE = Pattern.compile(
            "#?\\s?(?:[A-Z]{1,4}-?)?\\d{1,4}[A-Z]?(?:-\\d{1,4}[A-Z]?)?(?![\\w])");
    static final Pattern UNIT_SUFFIX = Pattern.compile(
            "\\d+(?:st|nd|rd|th|am|pm|mg|mcg|ml|kg|g|lb|lbs|oz|k|km|mi|mm|cm|s|x|yo|hr|hrs|min|mins|d|h|m|in|ft|mph"
                    + "|bpm|mmhg)", Pattern.CASE_INSENSITIVE);
    /** "92-year-old", "92-yr-old", "95yo", "96y/o", "91yrs": the digits are the age. */
    static final Pattern AGE_TOKEN = Pattern.compile(
            "(\\d{2,3})-?(?:(?:years?|yrs?|y)-?old|yo|y/o|yrs?)", Pattern.CASE_INSENSITIVE);

    private static final Map<String, PhiType> LOOKBACK = new HashMap<>();

    static {
        LOOKBACK.put("mrn", PhiType.MRN);
        LOOKBACK.put("medical record", PhiType.MRN);
        LOOKBACK.put("med rec", PhiType.MRN);
        LOOKBACK.put("chart", PhiType.MRN);
        LOOKBACK.put("wristband", PhiType.MRN);
        LOOKBACK.put("file", PhiType.MRN);
        LOOKBACK.put("ssn", PhiType.SSN);
        LOOKBACK.put("social", PhiType.SSN);
        LOOKBACK.put("member id", PhiType.HEALTH_PLAN);
        LOOKBACK.put("insurance", PhiType.HEALTH_PLAN);
        LOOKBACK.put("medicaid", PhiType.HEALTH_PLAN);
        LOOKBACK.put("medicare", PhiType.HEALTH_PLAN);
        LOOKBACK.put("policy", PhiType.HEALTH_PLAN);
        LOOKBACK.put("subscriber", PhiType.HEALTH_PLAN);
        LOOKBACK.put("account", PhiType.ACCOUNT);
        LOOKBACK.put("license", PhiType.LICENSE);
        LOOKBACK.put("licence", PhiType.LICENSE);
        LOOKBACK.put("dl number", PhiType.LICENSE);
        LOOKBACK.put("plate", PhiType.VEHICLE);
        LOOKBACK.put("vin", PhiType.VEHICLE);
        LOOKBACK.put("car", PhiType.VEHICLE);
        LOOKBACK.put("vehicle", PhiType.VEHICLE);
        LOOKBACK.put("serial", PhiType.DEVICE);
        LOOKBACK.put("pump", PhiType.DEVICE);
        LOOKBACK.put("monitor", PhiType.DEVICE);
        LOOKBACK.put("pacemaker", PhiType.DEVICE);
        LOOKBACK.put("device", PhiType.DEVICE);
        LOOKBACK.put("fingerprint", PhiType.BIOMETRIC);
        LOOKBACK.put("biometric", PhiType.BIOMETRIC);
        LOOKBACK.put("voiceprint", PhiType.BIOMETRIC);
        LOOKBACK.put("palm", PhiType.BIOMETRIC);
        LOOKBACK.put("room", PhiType.OTHER_ID);
    }

    /** Public hospital events: their dates are not tied to a patient. */
    private static final java.util.List<String> EVENT_CUES = java.util.List.of("class meets", "meets ", "fair is",
            "fair on", "event is", "event on", "join us", "open house", "webinar", "gala", "seminar", "workshop",
            "screening day", "blood drive", "health fair", "support group meets", "class is", "classes start",
            "begins", "deadline", "register by", "sign up by", "closed on", "open on", "is open", "are open");

    private NumberDateRules() {
    }

    /** Slots 3 to 15 of the scan's matcher cache. */
    static void scan(TextScan s) {
        for (int k = 0; k < s.count; k++) {
            if (s.taken(k)) {
                continue;
            }
            int t = s.ts[k];
            char c = s.buf[t];
            int f = s.fl[k];
            if (TextScan.isAsciiDigit(c)) {
                numericAt(s, k);
                continue;
            }
            if ((f & PhiWords.F_MONTH) != 0 && (Character.isUpperCase(c) || !(s.is(k, "may") || s.is(k, "march")))
                    && dateAt(s, s.m(MONTH_DAY, 3, t), t)) {
                continue;
            }
            if ((f & PhiWords.F_WEEKDAY) != 0 && (s.length(k) > 3 || Character.isUpperCase(c))
                    && dateAt(s, s.m(WEEKDAY_DATE, 4, t), t)) {
                continue;
            }
            if ((f & PhiWords.W_THE) != 0 && s.te[k] + 1 < s.n && TextScan.isRegexSpace(s.buf[s.te[k]])
                    && TextScan.isAsciiDigit(s.buf[s.te[k] + 1])) {
                if (dateAt(s, s.m(THE_NTH_OF, 5, t), t) || dateAt(s, s.m(DAY_MONTH, 6, t), t) || theNth(s, k)) {
                    continue;
                }
                if (fourthOfJuly(s, k)) {
                    continue;
                }
            }
            if (((s.fl2[k] & PhiWords.G_HOLIDAY) != 0 || (f & PhiWords.W_THE) != 0 && s.has2(k + 1, PhiWords.G_HOLIDAY))
                    && holiday(s, k)) {
                continue;
            }
            if ((f & PhiWords.W_ROOM) != 0) {
                labelledValue(s, k, PhiType.OTHER_ID, true);
                continue;
            }
            if ((f & PhiWords.F_NUMBER_WORD) != 0) {
                AgeRules.inWords(s, k);
                continue;
            }
            if ((s.fl2[k] & PhiWords.G_NTH_NOUN) != 0 && s.is(k, "century")) {
                AgeRules.century(s, k);
                continue;
            }
            PhiType lt = (f & PhiWords.F_LABEL) != 0 ? PhiWords.LABELS.get(s.low(k))
                    : (s.fl2[k] & PhiWords.G_VEHICLE) != 0 ? PhiType.VEHICLE : null;
            if (lt != null) {
                labelledValue(s, k, lt, false);
            } else if (s.hasDigit(k)) {
                ageOrId(s, k);
            } else {
                AgeRules.compound(s, k); // "one-hundred", "ninety-one-year-old"
            }
        }
    }

    private static boolean dateAt(TextScan s, Matcher mt, int t) {
        if (mt.lookingAt()) {
            if (!eventContext(s, t, mt.end())) {
                s.emit(t, mt.end(), PhiType.DATE);
            }
            s.take(t, mt.end());
            return true;
        }
        return false;
    }

    /** "on the 17th", "the 3rd." : a day of the month, unless a noun follows ("the 3rd floor", "the 5th time"). */
    private static boolean theNth(TextScan s, int k) {
        Matcher mt = s.m(THE_NTH, 7, s.ts[k], 12);
        if (!mt.lookingAt()) {
            return false;
        }
        int nth = k + 1;
        if (nth + 1 < s.count && s.spaced(nth, nth + 1, 1) && (s.fl2[nth + 1] & PhiWords.G_NTH_NOUN) != 0) {
            return false;
        }
        return dateAt(s, mt, s.ts[k]);
    }

    private static boolean fourthOfJuly(TextScan s, int k) {
        Matcher mt = s.m(FOURTH_OF_JULY, 8, s.ts[k], 30);
        if (!mt.lookingAt()) {
            return false;
        }
        holidayDate(s, s.ts[k], mt.end(), mt.end() - s.ts[k] > 20);
        return true;
    }

    private static final java.util.Set<String> ONE_WORD_HOLIDAYS = java.util.Set.of("christmas", "xmas",
            "thanksgiving", "halloween", "easter", "juneteenth", "hanukkah", "diwali", "eid", "kwanzaa", "valentine",
            "valentines", "valentine's", "ramadan", "passover");

    /** A holiday is a date when it has a year, or an event of someone's life is near ("born on Valentine's Day"). */
    private static boolean holiday(TextScan s, int k) {
        if (!ONE_WORD_HOLIDAYS.contains(s.low(k)) && !s.has2(k + 1, PhiWords.G_HOLIDAY_NEXT)) {
            return false; // "new", "mother", "labor" ... are holidays only with "year", "day", "patrick", "of" after
        }
        Matcher mt = s.is(k, "the") || s.is(k, "fourth") ? s.m(FOURTH_OF_JULY, 8, s.ts[k], 30)
                : s.m(HOLIDAY, 9, s.ts[k], 40);
        if (!mt.lookingAt() || (mt.end() < s.n && Character.isLetterOrDigit(s.buf[mt.end()]))) {
            return false;
        }
        String found = s.lower(s.ts[k], mt.end());
        boolean year = found.matches(".*(19|20)\\d\\d$");
        holidayDate(s, s.ts[k], mt.end(), year);
        return true;
    }

    private static void holidayDate(TextScan s, int from, int end, boolean year) {
        if (year || lifeEventNear(s, from)) {
            s.emit(from, end, PhiType.DATE);
        }
        s.take(from, end);
    }

    /** An event of someone's life (born, surgery, passed ...) within the sentence, shortly before pos. */
    private static boolean lifeEventNear(TextScan s, int pos) {
        int k = s.firstTokenEndingAfter(pos) - 1;
        for (int i = k; i >= 0 && i > k - 8; i--) {
            if (i < k && ".!?\n".indexOf(s.buf[s.te[i]]) >= 0) {
                return false;
            }
            if ((s.fl2[i] & PhiWords.G_LIFE_EVENT) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Tries the numeric shapes at token k (it starts with a digit). */
    private static void numericAt(TextScan s, int k) {
        int t = s.ts[k];
        int run = s.digitRun(k);
        char next = s.afterDigitRun(k, run);
        Matcher mt;
        if (run == 4 && (next == '-' || next == '/' || next == '.') && dateAt(s, s.m(ISO_DATE, 10, t), t)) {
            return;
        }
        if (run == 3 && (next == '-' || next == ' ') && (mt = s.m(SSN, 11, t)).lookingAt()) {
            s.identifier(t, mt.end(), PhiType.SSN);
            return;
        }
        if (run == 1 && (next == 't' || next == 'T') && s.is(k + 1, "of") && s.is(k + 2, "july") && fourthOfJuly(s, k)) {
            return; // a holiday before it is a day of July
        }
        if (run <= 2 && (TextScan.isRegexSpace(next) || Character.isLetter(next)) && dayMonthStart(s, t + run)
                && dateAt(s, s.m(DAY_MONTH, 6, t), t)) {
            return;
        }
        if (run <= 2 && (next == '/' || next == '.' || next == '-') && (mt = s.m(NUM_DATE, 12, t)).lookingAt()
                && validNumDate(mt)) {
            dateAt(s, mt, t);
            return;
        }
        ageOrId(s, k);
    }

    /**
     * After the day digits (at p), DAY_MONTH needs an optional st/nd/rd/th, one space, then "of" or a month:
     * "12 units" is rejected without the regex.
     */
    private static boolean dayMonthStart(TextScan s, int p) {
        if (p + 1 < s.n) {
            char a = s.buf[p];
            char b = s.buf[p + 1];
            if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')) {
                p += 2;
            }
        }
        return p + 1 < s.n && TextScan.isRegexSpace(s.buf[p]) && "JFMASONDoOjfasond".indexOf(s.buf[p + 1]) >= 0;
    }

    static boolean validNumDate(Matcher mt) {
        int a = Integer.parseInt(mt.group(1));
        int b = Integer.parseInt(mt.group(3));
        char sep = mt.group(2).charAt(0);
        String y = mt.group(4);
        if (y == null && sep != '/') {
            return false; // "9-111" is a room, "0.5" a dose
        }
        if (y == null && ((b == 10 || b == 5) && a <= b || a == 24 && b == 7 || a < b && b <= 4)) {
            return false; // "10/10", "4/5": ratings; "24/7"; "1/2", "3/4": fractions
        }
        boolean md = a >= 1 && a <= 12 && b >= 1 && b <= 31;
        boolean dm = b >= 1 && b <= 12 && a >= 1 && a <= 31;
        return md || dm;
    }

    // ---------------------------------------------------------------- ages and unlabelled identifiers
    /** Ages over 89 by context, otherwise identifier-shaped tokens. */
    private static boolean ageOrId(TextScan s, int k) {
        int t = s.ts[k];
        int e = s.te[k];
        int digits = 0;
        int letters = 0;
        boolean upperOnly = true;
        for (int i = t; i < e; i++) {
            char c = s.buf[i];
            if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isLetter(c)) {
                letters++;
                if (Character.isLowerCase(c)) {
                    upperOnly = false;
                }
            }
        }
        if (digits < 2) {
            return false; // every rule below needs two digits or more
        }
        if (letters == 0 && digits == e - t && digits <= 3) {
            int v = value(s, t, e);
            if (v >= 90 && v <= 125 && AgeRules.context(s, k)) {
                s.identifier(t, e, PhiType.AGE_OVER_89);
                return true;
            }
            return false;
        }
        if (letters == 0 && digits == 4 && e - t == 4 && AgeRules.birthYear(s, k, value(s, t, e))) {
            s.identifier(t, e, PhiType.AGE_OVER_89); // "born in 1929"
            return true;
        }
        if (letters == 0 && digits == e - t && digits < 6) {
            return false; // a plain number: no age context above, too short for an identifier
        }
        String tok = s.text.substring(t, e);
        Matcher age = letters > 0 && letters <= 9 ? AGE_TOKEN.matcher(tok) : null;
        if (age != null && age.matches()) {
            int v = Integer.parseInt(age.group(1));
            if (v >= 90 && v <= 125) {
                s.identifier(t, t + age.group(1).length(), PhiType.AGE_OVER_89);
            }
            return true; // "45-year-old": an age under 90 is no identifier
        }
        if (letters == 0 && tok.length() > 3 && (tok.regionMatches(2, "-year", 0, 5) || tok.regionMatches(3, "-year", 0, 5))) {
            return false;
        }
        // An ordinal of a birthday: "Happy 101st birthday", "her 90th!", "celebrating his 100th"; "St555" is none.
        if (letters == 2 && digits >= 2 && digits <= 3 && tok.length() == digits + 2
                && Character.isDigit(tok.charAt(0)) && Character.isDigit(tok.charAt(digits - 1))) {
            int v = Integer.parseInt(tok.substring(0, digits));
            if (v >= 90 && v <= 125 && AgeRules.ordinal(s, k)) {
                s.identifier(t, t + digits, PhiType.AGE_OVER_89);
                return true;
            }
        }
        if (digits <= 3 && AgeRules.inToken(s, k)) {
            return true; // "#turning95", "the big 9-0"
        }
        boolean id;
        if (letters == 0) {
            id = digits >= 6 || (digits == 5 && tok.indexOf('-') > 0);
        } else {
            id = (digits >= 3 && tok.length() >= 5) || (upperOnly && digits >= 2 && tok.length() >= 6);
            if (id && tok.regionMatches(true, 0, "covid", 0, 5)) {
                id = false;
            }
        }
        if (id && UNIT_SUFFIX.matcher(tok).matches()) {
            return false;
        }
        if (id) {
            s.identifier(t, e, lookbackType(s, t));
            return true;
        }
        return false;
    }

    private static int value(TextScan s, int a, int e) {
        int v = 0;
        for (int i = a; i < e; i++) {
            v = v * 10 + (s.buf[i] - '0');
        }
        return v;
    }

    // ---------------------------------------------------------------- labelled values
    /** After a label word: skip filler, then take an identifier-shaped value. */
    private static void labelledValue(TextScan s, int k, PhiType type, boolean room) {
        int j = k + 1;
        int limit = Math.min(s.count, k + 6);
        while (j < limit && (s.fl[j] & (PhiWords.F_LABEL_FILLER | PhiWords.F_LABEL)) != 0 && !s.hasDigit(j)) {
            j++;
        }
        if (j >= limit || s.taken(j)) {
            return;
        }
        // the value starts with a digit-bearing token, or a short letter prefix of one ("KB 6230")
        if (!s.hasDigit(j) && !(s.isAllUpper(j) && s.length(j) <= 4 && j + 1 < s.count && s.hasDigit(j + 1)
                && s.ts[j + 1] - s.te[j] == 1)) {
            return;
        }
        int v = s.ts[j];
        if (v - s.te[k] > 40) {
            return;
        }
        if (Character.isDigit(s.buf[v]) && numericShape(s, v)) {
            return; // a date after "number"/"ID": the date rules type it
        }
        Matcher mt = room ? s.m(ROOM_VALUE, 13, v) : s.m(LABEL_VALUE, 14, v);
        if (!mt.lookingAt()) {
            return;
        }
        int e = mt.end();
        int digits = 0;
        for (int i = v; i < e; i++) {
            if (Character.isDigit(s.buf[i])) {
                digits++;
            }
        }
        if (digits == 0 || (!room && digits + (e - v) < 5)) {
            return;
        }
        if (!room && e - v == 4 && digits == 4 && isYear(s, v)) {
            return;
        }
        if (s.buf[v] == '#') {
            v++;
            while (v < e && s.buf[v] == ' ') {
                v++;
            }
        }
        s.identifier(v, e, type == PhiType.OTHER_ID && !room ? lookbackType(s, v) : type);
    }

    private static boolean numericShape(TextScan s, int v) {
        if (s.m(ISO_DATE, 10, v).lookingAt()) {
            return true;
        }
        Matcher mt = s.m(NUM_DATE, 12, v);
        return mt.lookingAt() && validNumDate(mt);
    }

    private static boolean isYear(TextScan s, int v) {
        char a = s.buf[v];
        char b = s.buf[v + 1];
        return (a == '1' && b == '9') || (a == '2' && b == '0');
    }

    /** The identifier type a label just before pos gives ("member ID 6085550143"), or null. */
    static PhiType labelledTypeBefore(TextScan s, int pos) {
        int k = s.firstTokenEndingAfter(pos) - 1;
        for (int i = k, seen = 0; i >= 0 && seen < 4; i--, seen++) {
            int f = s.fl[i];
            if ((f & PhiWords.F_LABEL) != 0 && !s.hasDigit(i)) {
                PhiType t = PhiWords.LABELS.get(s.low(i));
                if (t != null && t != PhiType.OTHER_ID) {
                    return t;
                }
                continue;
            }
            if ((f & PhiWords.F_LABEL_FILLER) == 0) {
                return null;
            }
        }
        return null;
    }

    static PhiType lookbackType(TextScan s, int pos) {
        String w = s.lower(Math.max(0, pos - 60), pos);
        PhiType best = PhiType.OTHER_ID;
        int bestAt = -1;
        for (Map.Entry<String, PhiType> e : LOOKBACK.entrySet()) {
            int at = w.lastIndexOf(e.getKey());
            if (at > bestAt) {
                bestAt = at;
                best = e.getValue();
            }
        }
        return best;
    }

    /**
     * A public event's date: a cue of the hospital's events right before it, or an announcement (a schedule word or a
     * time of day in the sentence) that mentions nobody's life ("Starting June 3, visit us at ...", "Flu clinics on
     * Tuesday, Oct. 8, 4 to 7 p.m."). "My surgery starts June 3" stays a date: it is someone's.
     */
    private static boolean eventContext(TextScan s, int start, int end) {
        String w = s.before(start, 70);
        for (String c : EVENT_CUES) {
            if (w.contains(c)) {
                return true;
            }
        }
        int a = s.firstTokenEndingAfter(sentenceStart(s, start));
        int b = s.firstTokenEndingAfter(sentenceEnd(s, end));
        boolean announced = false;
        for (int k = a; k < b && k < s.count; k++) {
            if (s.ts[k] >= start && s.ts[k] < end) {
                continue;
            }
            if ((s.fl[k] & PhiWords.F_KIN) != 0 || (s.fl2[k] & (PhiWords.G_LIFE_EVENT | PhiWords.G_PERSONAL)) != 0) {
                return false;
            }
            announced |= (s.fl2[k] & PhiWords.G_ANNOUNCE) != 0 || timeOfDay(s, k);
        }
        return announced;
    }

    /** "4 p.m.", "10am", "7:30", "noon". */
    private static boolean timeOfDay(TextScan s, int k) {
        if (s.is(k, "noon") || s.is(k, "midnight")) {
            return true;
        }
        if (!s.hasDigit(k)) {
            return false;
        }
        String w = s.low(k);
        if (w.endsWith("am") || w.endsWith("pm")) {
            return Character.isDigit(w.charAt(0));
        }
        if (s.te[k] < s.n && s.buf[s.te[k]] == ':' && s.te[k] + 1 < s.n && TextScan.isAsciiDigit(s.buf[s.te[k] + 1])) {
            return true;
        }
        return k + 1 < s.count && s.spaced(k, k + 1, 1) && (s.is(k + 1, "a") || s.is(k + 1, "p") || s.is(k + 1, "am")
                || s.is(k + 1, "pm")) && (s.length(k + 1) == 2 || s.charAfter(k + 1) == '.');
    }

    private static int sentenceStart(TextScan s, int pos) {
        for (int i = pos - 1; i > 0; i--) {
            char c = s.buf[i];
            if (c == '\n' || (c == '.' || c == '!' || c == '?') && i + 1 < s.n && Character.isWhitespace(s.buf[i + 1])
                    && !(c == '.' && i > 0 && Character.isLetter(s.buf[i - 1]) && (i < 2 || !Character.isLetter(s.buf[i - 2])
                    || i < 3 || !Character.isLetter(s.buf[i - 3])))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int sentenceEnd(TextScan s, int pos) {
        for (int i = pos; i < s.n; i++) {
            char c = s.buf[i];
            if (c == '\n' || (c == '!' || c == '?') || c == '.' && (i + 1 == s.n || Character.isWhitespace(s.buf[i + 1]))
                    && !(i >= 1 && (s.buf[i - 1] == 'm' || s.buf[i - 1] == 'M') && i >= 2 && s.buf[i - 2] == '.')) {
                return i;
            }
        }
        return s.n;
    }
}
