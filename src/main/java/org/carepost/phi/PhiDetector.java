package org.carepost.phi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds PHI spans in free text (posts, testimonials, review replies).
 *
 * <p>One pass of a hand-written tokenizer drives everything: numeric identifiers are matched with
 * precompiled patterns anchored at the token where they start (so no pattern ever scans the whole
 * text), names and places are decided per token from dictionaries and context cues. The detector is
 * immutable after construction and safe to share between threads; build it once, it loads the
 * dictionaries.
 *
 * <p>Policy: recall first (a leak costs a patient's privacy, a false alarm costs a click), but staff
 * names with a title, the hospital's own contact details, bare years, ages under 90 and public event
 * dates are left alone when the context says so.
 */
public final class PhiDetector {

    // ---- patterns, all used with lookingAt() at a token start -------------------------------------
    private static final String MONTHS = "(?:January|February|March|April|May|June|July|August|September"
            + "|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final String WEEKDAYS = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
            + "|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)";
    private static final String ORD = "(?:st|nd|rd|th)";
    private static final String YEAR_TAIL = "(?:,?\\s(?:19|20)\\d{2}(?!\\d)|\\s'\\d{2}\\b)?";

    private static final Pattern IP = Pattern.compile(
            "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}(?![\\d.]*\\d)");
    private static final Pattern PHONE = Pattern.compile(
            "(?:\\+?1[-. ]?)?(?:\\(\\d{3}\\)[ ]?|\\d{3}[-. ]?)\\d{3}[-. ]?\\d{4}(?![\\d])");
    private static final Pattern SSN = Pattern.compile("\\d{3}([- ])\\d{2}\\1\\d{4}(?!\\d)");
    private static final Pattern ISO_DATE = Pattern.compile(
            "(?:19|20)\\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\\d|3[01])(?!\\d)");
    private static final Pattern NUM_DATE = Pattern.compile(
            "(\\d{1,2})([/.-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?(?![\\d/]|\\.\\d|-\\d)");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?i:the\\s)?\\d{1,2}" + ORD + "?\\s(?i:of\\s)?" + MONTHS + "\\b\\.?" + YEAR_TAIL);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?i:" + MONTHS + ")\\b\\.?,?\\s(?:(?:the\\s)?\\d{1,2}" + ORD + "?(?![\\d:])" + YEAR_TAIL
                    + "|(?:19|20)\\d{2}(?!\\d))");
    private static final Pattern WEEKDAY_DATE = Pattern.compile(
            "(?i:" + WEEKDAYS + ")\\b\\.?,?\\s(?:(?:the\\s)?\\d{1,2}" + ORD + "(?:\\sof\\s" + MONTHS + ")?"
                    + "|(?i:" + MONTHS + ")\\b\\.?\\s\\d{1,2}" + ORD + "?(?!\\d)" + YEAR_TAIL + ")");
    private static final Pattern THE_NTH_OF = Pattern.compile(
            "(?i:the)\\s\\d{1,2}" + ORD + "\\sof\\s(?i:" + MONTHS + ")\\b" + YEAR_TAIL);
    private static final String STREET_SUFFIX = "(?:Road|Rd|Street|St|Avenue|Ave|Av|Lane|Ln|Way|Drive|Dr|Boulevard"
            + "|Blvd|Court|Ct|Place|Pl|Terrace|Ter|Circle|Cir|Trail|Trl|Parkway|Pkwy|Highway|Hwy|Run|Path|Loop"
            + "|Square|Sq|Pike|Row|Crossing|Xing|Alley|Bend|Cove|Crescent|Close|Heights|Hts|Hill|Ridge|Point|Pt"
            + "|Walk|Green|Park|Plaza|Route|Rte|Turnpike|Expressway|Fwy|Freeway)";
    private static final Pattern ADDRESS = Pattern.compile(
            "\\d{1,6}\\s(?:(?:[NSEW]\\.?|North|South|East|West)\\s)?(?:(?:[A-Z][A-Za-z'-]*|\\d{1,3}" + ORD
                    + ")\\s){1,4}" + STREET_SUFFIX + "\\b(?:\\.?,?\\s?(?:(?:Apt|Apartment|Unit|Suite|Ste|Fl|Floor|Rm)"
                    + "\\.?\\s?#?|#\\s?)[A-Za-z0-9-]*\\d[A-Za-z0-9-]*)?");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(?:-\\d{4})?(?![\\d-])");
    /** A labelled value: upper-case/digit groups, joined by '-' or by a space when the next group has a digit. */
    private static final Pattern LABEL_VALUE = Pattern.compile(
            "[A-Z0-9]+(?:-[A-Z0-9]+)*(?:\\s(?=[A-Z0-9-]*\\d)[A-Z0-9]+(?:-[A-Z0-9]+)*){0,3}(?![a-z])");
    private static final Pattern ROOM_VALUE = Pattern.compile(
            "#?\\s?(?:[A-Z]{1,4}-?)?\\d{1,4}[A-Z]?(?:-\\d{1,4}[A-Z]?)?(?![\\w])");
    private static final Pattern UNIT_SUFFIX = Pattern.compile(
            "\\d+(?:st|nd|rd|th|am|pm|mg|mcg|ml|kg|g|lb|lbs|oz|k|km|mi|mm|cm|s|x|yo|hr|hrs|min|mins|d|h|m|in|ft|mph|bpm|mmhg)",
            Pattern.CASE_INSENSITIVE);

    // ---- word lists written for this detector --------------------------------------------------------
    private static final Set<String> STAFF_TITLES = Set.of("dr", "doctor", "nurse", "np", "rn", "lpn", "pa", "prof", "professor", "therapist", "pharmacist", "chaplain", "midwife", "surgeon", "dietitian", "technician", "tech", "paramedic", "coordinator", "counselor", "navigator", "md", "do");
    private static final Set<String> CLOSINGS = Set.of("regards", "sincerely", "cheers", "respectfully", "warmly", "best");
    private static final Set<String> PATIENT_TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "mister");
    private static final Set<String> KIN = Set.of("dad", "mom", "mum", "mother", "father", "son", "daughter", "wife", "husband", "granddaughter", "grandson", "grandmother", "grandfather", "grandma", "grandpa", "granny", "nana", "papa", "mama", "sister", "brother", "aunt", "uncle", "niece", "nephew", "cousin", "partner", "fiance", "fiancé", "fiancee", "fiancée", "boyfriend", "girlfriend", "stepson", "stepdaughter", "stepmom", "stepdad", "baby", "twins", "twin", "grandbaby", "kiddo", "neighbor", "roommate", "bestie", "friend", "patient", "named", "spouse", "child", "kid", "toddler", "infant");
    private static final Set<String> GREETINGS = Set.of("hi", "hey", "hello", "dear", "again", "soon", "home", "congrats", "congratulations", "morning", "afternoon", "evening", "birthday", "bday", "welcome", "thanks", "love", "xoxo", "go", "dearest");
    private static final Set<String> NOT_A_NAME_AFTER_GREETING = Set.of("everyone", "all", "team", "friends", "folks", "there", "again", "y'all", "yall", "everybody", "guys", "family", "and", "from", "to", "for", "the", "a", "my", "our", "you", "so", "soon", "home", "back", "with", "sir", "madam");
    private static final Set<String> ORG_HEADS = Set.of("hospital", "center", "centre", "clinic", "institute", "foundation", "hospice", "pharmacy", "university", "college", "healthcare", "health", "associates", "network", "system", "medical", "infirmary", "sanitarium");
    private static final Set<String> PLACE_SUFFIX = Set.of("creek", "flats", "junction", "mills", "mill", "point", "county", "springs", "spring", "falls", "heights", "valley", "ridge", "hills", "hill", "lake", "lakes", "harbor", "harbour", "beach", "city", "park", "grove", "village", "crossing", "landing", "bay", "bluff", "bluffs", "glen", "hollow", "meadows", "station", "township", "parish", "borough", "corners", "forge", "ford", "island", "islands", "shores", "woods", "acres", "gardens", "estates", "center", "pines", "rapids", "crest", "summit", "cove", "haven", "port", "view", "vista", "town", "ville", "field", "fields", "district", "hamlet", "commons", "plains");
    private static final Set<String> PLACE_PREFIX = Set.of("port", "fort", "ft", "mount", "mt", "lake", "new", "north", "south", "east", "west", "san", "santa", "saint", "st", "glen", "cape", "upper", "lower", "old", "point", "los", "las", "el", "la", "le", "des", "isle");
    private static final Set<String> PARTICLES = Set.of("st", "de", "del", "della", "da", "dos", "das", "van", "von", "der", "den", "la", "le", "du", "di", "mc", "mac", "bin", "binti", "al", "el", "ibn", "ben", "ter", "ten", "y", "saint");
    private static final Set<String> ABBREV_WITH_DOT = Set.of("st", "mt", "ft", "jr", "sr");
    private static final Set<String> PLACE_CUES = Set.of("from", "in", "near", "of", "to", "outside", "around");
    private static final Set<String> AGE_BEFORE = Set.of("is", "at", "turning", "turned", "turns", "aged", "age", "i'm", "im", "am", "was", "she's", "he's", "now", "of", "just");
    private static final Set<String> AGE_UNIT_AFTER = Set.of("minutes", "minute", "min", "mins", "mg", "mcg", "ml", "percent", "%", "days", "day", "hours", "hour", "hrs", "pounds", "lbs", "lb", "mph", "degrees", "seconds", "weeks", "months", "miles", "units", "beds", "patients", "people", "staff", "nurses", "points", "steps", "dollars", "kg", "cm", "mm", "ft", "feet", "inches", "times", "am", "pm", "a.m.", "p.m.", "bpm", "years", "of");
    private static final Set<String> MONTH_WORDS = Set.of("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    private static final Set<String> WEEKDAY_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun");
    private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR");
    /** Label word (lower case) -> the identifier type of the value that follows it. */
    private static final Map<String, PhiType> LABELS = new HashMap<>();

    static {
        for (String s : List.of("mrn", "mr#", "chart", "record", "wristband")) {
            LABELS.put(s, PhiType.MRN);
        }
        for (String s : List.of("ssn", "social")) {
            LABELS.put(s, PhiType.SSN);
        }
        for (String s : List.of("member", "insurance", "policy", "subscriber", "medicaid", "medicare",
                "beneficiary", "plan", "insurer", "group")) {
            LABELS.put(s, PhiType.HEALTH_PLAN);
        }
        for (String s : List.of("account", "acct", "invoice", "statement")) {
            LABELS.put(s, PhiType.ACCOUNT);
        }
        for (String s : List.of("license", "licence", "dl", "driver's", "drivers", "permit", "certificate",
                "passport")) {
            LABELS.put(s, PhiType.LICENSE);
        }
        for (String s : List.of("plate", "plates", "vin", "vehicle", "car", "truck", "van", "suv", "tag",
                "motorcycle")) {
            LABELS.put(s, PhiType.VEHICLE);
        }
        for (String s : List.of("serial", "sn", "s/n", "device", "pump", "monitor", "pacemaker", "implant",
                "imei", "udi", "defibrillator", "icd", "cgm", "sensor", "hearing", "transmitter", "meter")) {
            LABELS.put(s, PhiType.DEVICE);
        }
        for (String s : List.of("fingerprint", "biometric", "palm", "retina", "iris", "voiceprint",
                "faceprint")) {
            LABELS.put(s, PhiType.BIOMETRIC);
        }
        for (String s : List.of("id", "number", "no", "#", "code", "ref", "reference", "case", "ticket",
                "confirmation", "claim")) {
            LABELS.put(s, PhiType.OTHER_ID);
        }
    }

    private static final Set<String> LABEL_FILLER = Set.of("number", "no", "num", "id", "is", "was", "on", "file", "of", "the", "my", "your", "his", "her", "their", "ending", "in", "under", "card", "plate", "record", "said", "our", "a", "an", "#", "nbr", "code", "reads", "read", "s", "check-in", "as", "listed", "shows", "showed", "back", "to", "me");

    // ---- word flags: one vocabulary probe per token answers every word-list question ----------------
    static final int F_FIRST = 1, F_LAST = 1 << 1, F_ENGLISH = 1 << 2, F_ANY_ENGLISH = 1 << 3,
            F_STAFF = 1 << 4, F_CLOSING = 1 << 5, F_PTITLE = 1 << 6, F_KIN = 1 << 7, F_GREET = 1 << 8,
            F_NOT_NAME = 1 << 9, F_ORG_HEAD = 1 << 10, F_PSUFFIX = 1 << 11, F_PPREFIX = 1 << 12,
            F_PARTICLE = 1 << 13, F_ABBR_DOT = 1 << 14, F_PLACE_CUE = 1 << 15, F_AGE_BEFORE = 1 << 16,
            F_AGE_UNIT = 1 << 17, F_MONTH = 1 << 18, F_WEEKDAY = 1 << 19, F_LABEL = 1 << 20,
            F_LABEL_FILLER = 1 << 21, W_THE = 1 << 22, W_ROOM = 1 << 23, W_IS = 1 << 24, W_NAME = 1 << 25,
            W_HERE = 1 << 26, W_FROM = 1 << 27, W_DO_MD_PA = 1 << 28;
    /** Token shape bit (not a word flag): the token has a digit. */
    static final int S_DIGIT = 1 << 30;
    static final int F_NAME = F_FIRST | F_LAST;

    private final PhiLexicon lex;
    private final PhiVocabulary vocab;
    /** Working buffers reused by the calls of one thread (the detector itself is shared). */
    private final ThreadLocal<Scan> scans = ThreadLocal.withInitial(Scan::new);

    /** Loads the dictionaries; construct once and share. */
    public PhiDetector() {
        this(PhiLexicon.load());
    }

    PhiDetector(PhiLexicon lexicon) {
        this.lex = lexicon;
        PhiVocabulary v = new PhiVocabulary(lexicon.sizeHint() + 1024);
        lexicon.fill(v, F_FIRST, F_LAST, F_ENGLISH, F_ANY_ENGLISH);
        v.addAll(STAFF_TITLES, F_STAFF);
        v.addAll(CLOSINGS, F_CLOSING);
        v.addAll(PATIENT_TITLES, F_PTITLE);
        v.addAll(KIN, F_KIN);
        v.addAll(GREETINGS, F_GREET);
        v.addAll(NOT_A_NAME_AFTER_GREETING, F_NOT_NAME);
        v.addAll(ORG_HEADS, F_ORG_HEAD);
        v.addAll(PLACE_SUFFIX, F_PSUFFIX);
        v.addAll(PLACE_PREFIX, F_PPREFIX);
        v.addAll(PARTICLES, F_PARTICLE);
        v.addAll(ABBREV_WITH_DOT, F_ABBR_DOT);
        v.addAll(PLACE_CUES, F_PLACE_CUE);
        v.addAll(AGE_BEFORE, F_AGE_BEFORE);
        v.addAll(AGE_UNIT_AFTER, F_AGE_UNIT);
        v.addAll(MONTH_WORDS, F_MONTH);
        v.addAll(WEEKDAY_WORDS, F_WEEKDAY);
        v.addAll(LABELS.keySet(), F_LABEL);
        v.addAll(LABEL_FILLER, F_LABEL_FILLER);
        v.add("the", W_THE);
        v.addAll(List.of("room", "rm", "bed", "bay", "bedspace"), W_ROOM);
        v.add("is", W_IS);
        v.add("name", W_NAME);
        v.add("here", W_HERE);
        v.add("from", W_FROM);
        v.addAll(List.of("do", "md", "pa"), W_DO_MD_PA);
        // other short words the rules compare by equality: a probe hit spares an allocation
        v.addAll(List.of("and", "up", "older", "over", "of", "may", "march", "patient", "nurse", "dr"), 0);
        this.vocab = v;
    }

    /** Spans sorted by start, non-overlapping (overlaps are merged). Never null. */
    public List<PhiSpan> scan(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Scan s = scans.get();
        s.reset(text);
        s.tokenize();
        s.scanEmailsAndUrls();
        s.scanTokens();
        s.scanNames();
        return s.merged();
    }

    // =====================================================================================================

    /** Per-call state; never shared, so the detector stays thread-safe. */
    private final class Scan {
        String text;
        /** The text's characters (no bounds check per character as with String.charAt on UTF-16). */
        char[] buf = new char[4096];
        int n;
        // tokens: word = letters/digits with inner ' or -; end excludes a possessive 's
        int[] ts = new int[64];
        int[] te = new int[64];
        String[] tl = new String[64];
        int[] fl = new int[64];
        int[] tsl = new int[64];
        int count;
        // token roles for the name pass
        static final byte NONE = 0, NAME = 1, GEO = 2, STAFF = 3, ORG = 4, DONE = 5;
        byte[] role = new byte[64];
        // collected spans (start,end,type ordinal)
        int[] sp = new int[48];
        int spn;
        int coveredUpTo = -1; // end of the last structured match, so tokens inside it are skipped
        int[] claims = new int[16]; // structured ranges (emitted or deliberately not), hidden from the name pass
        int claimn;
        Matcher[] matchers = new Matcher[32];
        String[] matcherText = new String[32];

        void reset(String text) {
            this.text = text;
            this.n = text.length();
            if (buf.length < n) {
                buf = new char[Math.max(n, buf.length * 2)];
            }
            text.getChars(0, n, buf, 0);
            count = 0;
            spn = 0;
            coveredUpTo = -1;
            claimn = 0;
        }

        // ---------------------------------------------------------------- tokenizer
        void tokenize() {
            int i = 0;
            while (i < n) {
                char c = buf[i];
                if (!isLetterOrDigit(c)) {
                    i++;
                    continue;
                }
                int start = i;
                i++;
                while (i < n) {
                    char d = buf[i];
                    if (isLetterOrDigit(d)) {
                        i++;
                    } else if ((d == '\'' || d == '\u2019' || d == '-') && i + 1 < n
                            && isLetterOrDigit(buf[i + 1])) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                int end = i;
                // possessive 's is not part of a name ("Chiamaka's family")
                if (end - start > 2 && (buf[end - 1] == 's' || buf[end - 1] == 'S')
                        && (buf[end - 2] == '\'' || buf[end - 2] == '\u2019')) {
                    end -= 2;
                }
                add(start, end);
            }
            if (role.length < count) {
                role = new byte[ts.length];
            } else {
                Arrays.fill(role, 0, count, (byte) 0);
            }
        }

        private void add(int s, int e) {
            if (count == ts.length) {
                ts = Arrays.copyOf(ts, count * 2);
                te = Arrays.copyOf(te, count * 2);
                tl = Arrays.copyOf(tl, count * 2);
                fl = Arrays.copyOf(fl, count * 2);
                tsl = Arrays.copyOf(tsl, count * 2);
            }
            ts[count] = s;
            te[count] = e;
            char[] b = buf;
            int h = 0;
            boolean ascii = true;
            boolean digit = false;
            for (int i = s; i < e; i++) {
                char c = b[i];
                if (c >= 128) {
                    ascii = false;
                    digit |= Character.isDigit(c);
                } else if (c >= 'A' && c <= 'Z') {
                    c += 32;
                } else if (c >= '0' && c <= '9') {
                    digit = true;
                }
                h = 31 * h + c;
            }
            int slot = ascii ? cachedSlot(b, s, e, h) : -2;
            if (slot >= 0) {
                tl[count] = null; // the canonical word is fetched only if a rule asks (see low(k))
                tsl[count] = slot;
                fl[count] = vocab.flags(slot);
            } else {
                String low = slot == -2 ? PhiLexicon.fold(text.substring(s, e).toLowerCase(Locale.ROOT)) : null;
                int f = 0;
                if (slot == -2) {
                    int sl = vocab.slot(low);
                    if (sl >= 0) {
                        low = vocab.word(sl);
                        f = vocab.flags(sl);
                    }
                }
                // an unknown ASCII word is lower-cased only if a rule asks for it (see low(k))
                tl[count] = slot == -2 ? low : null;
                tsl[count] = -1;
                fl[count] = f;
            }
            if (digit) {
                fl[count] |= S_DIGIT;
            }
            count++;
        }

        // A small direct-mapped cache of recent word lookups (this thread's): texts repeat their words,
        // and a probe here stays in the CPU cache where the large vocabulary table does not.
        static final int CACHE = 8192, CACHE_WORD = 16;
        final int[] cacheHash = new int[CACHE];
        final byte[] cacheLen = new byte[CACHE];
        final int[] cacheSlot = new int[CACHE];
        final char[] cacheChars = new char[CACHE * CACHE_WORD];

        private int cachedSlot(char[] b, int s, int e, int h) {
            int len = e - s;
            if (len > CACHE_WORD) {
                return vocab.slot(b, s, e, h);
            }
            int i = (h ^ (h >>> 12)) & (CACHE - 1);
            int base = i * CACHE_WORD;
            if (cacheLen[i] == len && cacheHash[i] == h) {
                boolean same = true;
                for (int j = 0; j < len; j++) {
                    char c = b[s + j];
                    if (c >= 'A' && c <= 'Z') {
                        c += 32;
                    }
                    if (cacheChars[base + j] != c) {
                        same = false;
                        break;
                    }
                }
                if (same) {
                    return cacheSlot[i];
                }
            }
            int slot = vocab.slot(b, s, e, h);
            cacheHash[i] = h;
            cacheLen[i] = (byte) len;
            cacheSlot[i] = slot;
            for (int j = 0; j < len; j++) {
                char c = b[s + j];
                cacheChars[base + j] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            }
            return slot;
        }

        /** Lower-case (ASCII-folded) form of token k, made on first use for words not in the vocabulary. */
        String low(int k) {
            String w = tl[k];
            if (w == null) {
                w = tsl[k] >= 0 ? vocab.word(tsl[k]) : text.substring(ts[k], te[k]).toLowerCase(Locale.ROOT);
                tl[k] = w;
            }
            return w;
        }

        void claim(int s, int e) {
            if (claimn + 2 > claims.length) {
                claims = Arrays.copyOf(claims, claims.length * 2);
            }
            claims[claimn++] = s;
            claims[claimn++] = e;
        }

        void emit(int s, int e, PhiType t) {
            if (e <= s) {
                return;
            }
            if (spn + 3 > sp.length) {
                sp = Arrays.copyOf(sp, sp.length * 2);
            }
            sp[spn++] = s;
            sp[spn++] = e;
            sp[spn++] = t.ordinal();
        }

        Matcher m(Pattern p, int slot, int from) {
            Matcher mt = matchers[slot];
            if (mt == null) {
                mt = p.matcher(text);
                mt.useTransparentBounds(true);
                mt.useAnchoringBounds(false);
                matchers[slot] = mt;
                matcherText[slot] = text;
            } else if (matcherText[slot] != text) {
                mt.reset(text);
                matcherText[slot] = text;
            }
            mt.region(from, Math.min(n, from + 90));
            return mt;
        }

        // ---------------------------------------------------------------- e-mail and URL (chunk based)
        void scanEmailsAndUrls() {
            int at = text.indexOf('@');
            while (at >= 0) {
                int l = at;
                while (l > 0 && isEmailLocal(buf[l - 1])) {
                    l--;
                }
                int r = at + 1;
                while (r < n && isDomainChar(buf[r])) {
                    r++;
                }
                while (r > at + 1 && (buf[r - 1] == '.' || buf[r - 1] == '-')) {
                    r--;
                }
                if (l < at && text.lastIndexOf('.', r - 1) > at + 1) {
                    emit(l, r, PhiType.EMAIL);
                }
                at = text.indexOf('@', Math.max(r, at + 1));
            }
            // URLs: whitespace-delimited chunks that start with a scheme/www or look like host.tld[/path].
            // Every URL has a dot followed by a non-space ("example.org", "www.x"): only the chunks around
            // such dots are examined, so prose costs one indexOf per sentence end.
            char[] b = buf;
            int done = 0;
            int p = text.indexOf('.');
            while (p >= 0) {
                if (p >= done && p + 1 < n && !isWhitespace(b[p + 1])) {
                    int s = p;
                    while (s > 0 && !isWhitespace(b[s - 1])) {
                        s--;
                    }
                    int e = p + 1;
                    while (e < n && !isWhitespace(b[e])) {
                        e++;
                    }
                    if (e - s >= 6) {
                        urlChunk(s, e);
                    }
                    done = e;
                }
                p = text.indexOf('.', Math.max(p + 1, done));
            }
        }

        private void urlChunk(int s, int e) {
            while (s < e && "([{<\"'".indexOf(buf[s]) >= 0) {
                s++;
            }
            while (e > s && ".,;:!?)]}>\"'".indexOf(buf[e - 1]) >= 0) {
                e--;
            }
            if (e - s < 6 || indexIn('@', s, e) >= 0) {
                return;
            }
            if (indexIn('.', s, e) < 0) {
                return; // no dot, no URL: skips almost every word cheaply
            }
            boolean scheme = text.regionMatches(true, s, "http://", 0, 7) || text.regionMatches(true, s, "https://", 0, 8)
                    || text.regionMatches(true, s, "www.", 0, 4);
            if (!scheme && !looksLikeHost(s, e)) {
                return;
            }
            if (orgContext(s, ORG_URL_CUES)) {
                return;
            }
            emit(s, e, PhiType.URL);
        }

        /** indexOf bounded to [s, e): an unbounded indexOf per word would make the scan quadratic. */
        private int indexIn(char c, int s, int e) {
            for (int i = s; i < e; i++) {
                if (buf[i] == c) {
                    return i;
                }
            }
            return -1;
        }

        private boolean looksLikeHost(int s, int e) {
            int slash = indexIn('/', s, e);
            int hostEnd = slash >= 0 ? slash : e;
            int dot = text.lastIndexOf('.', hostEnd - 1);
            if (dot <= s || dot >= hostEnd - 1) {
                return false;
            }
            String tld = text.substring(dot + 1, hostEnd).toLowerCase(Locale.ROOT);
            if (!TLDS.contains(tld)) {
                return false;
            }
            for (int k = s; k < hostEnd; k++) {
                char c = buf[k];
                if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
                    return false;
                }
            }
            return true;
        }

        // ---------------------------------------------------------------- numbers, dates, labels
        void scanTokens() {
            for (int k = 0; k < count; k++) {
                int s = ts[k];
                if (s < coveredUpTo) {
                    continue;
                }
                char c = buf[s];
                if (Character.isDigit(c)) {
                    int from = s;
                    if (s > 0 && (buf[s - 1] == '(' || buf[s - 1] == '+')) {
                        from = s - 1;
                        if (from > 0 && buf[from] == '(' && buf[from - 1] == '+') {
                            from--;
                        }
                    }
                    if (!numericAt(k, from)) {
                        numericAt(k, s);
                    }
                    continue;
                }
                if ((fl[k] & F_MONTH) != 0 && (Character.isUpperCase(c) || !(low(k).equals("may") || low(k).equals("march")))) {
                    if (dateAt(m(MONTH_DAY, 0, s), s)) {
                        continue;
                    }
                }
                if ((fl[k] & F_WEEKDAY) != 0 && (te[k] - ts[k] > 3 || Character.isUpperCase(c))) {
                    if (dateAt(m(WEEKDAY_DATE, 1, s), s)) {
                        continue;
                    }
                }
                if ((fl[k] & W_THE) != 0 && te[k] + 1 < n && isRegexSpace(buf[te[k]])
                        && isAsciiDigit(buf[te[k] + 1])) {
                    if (dateAt(m(THE_NTH_OF, 2, s), s)) {
                        continue;
                    }
                    if (dateAt(m(DAY_MONTH, 3, s), s)) {
                        continue;
                    }
                }
                if ((fl[k] & W_ROOM) != 0) {
                    labelledValue(k, PhiType.OTHER_ID, true);
                    continue;
                }
                PhiType lt = (fl[k] & F_LABEL) != 0 ? LABELS.get(low(k)) : null;
                if (lt != null) {
                    labelledValue(k, lt, false);
                } else if (hasDigit(k)) {
                    ageOrId(k);
                }
            }
        }

        private boolean dateAt(Matcher mt, int s) {
            if (mt.lookingAt()) {
                if (!eventContext(s)) {
                    emit(s, mt.end(), PhiType.DATE);
                }
                coveredUpTo = mt.end();
                claim(s, coveredUpTo);
                return true;
            }
            return false;
        }

        /** Tries every numeric shape at position from (token k starts at or just after it). */
        private boolean numericAt(int k, int from) {
            Matcher mt;
            // shape of the digit run at the token start: every pattern below needs a particular one,
            // so most numbers ("12 units", "since 2019") never reach a regex
            int s0 = ts[k];
            int run = 0;
            while (s0 + run < n && isAsciiDigit(buf[s0 + run])) {
                run++;
            }
            char next = s0 + run < n ? buf[s0 + run] : '\0';
            boolean atDigit = from == s0;
            if (atDigit && run <= 3 && next == '.' && (mt = m(IP, 4, from)).lookingAt()) {
                emit(from, mt.end(), PhiType.IP);
                coveredUpTo = mt.end();
                claim(from, coveredUpTo);
                return true;
            }
            if (atDigit && run == 4 && (next == '-' || next == '/' || next == '.')
                    && (mt = m(ISO_DATE, 5, from)).lookingAt()) {
                return dateAt(mt, from);
            }
            if ((!atDigit || phoneRun(run)) && phoneDigits(from) && (mt = m(PHONE, 6, from)).lookingAt()) {
                int end = mt.end();
                coveredUpTo = end;
                claim(from, coveredUpTo);
                if (!orgContext(from, ORG_PHONE_CUES)) {
                    emit(from, end, faxContext(from) ? PhiType.FAX : PhiType.PHONE);
                }
                return true;
            }
            if (from != ts[k]) {
                return false;
            }
            int s = from;
            if (run == 3 && (next == '-' || next == ' ') && (mt = m(SSN, 7, s)).lookingAt()) {
                emit(s, mt.end(), PhiType.SSN);
                coveredUpTo = mt.end();
                claim(s, coveredUpTo);
                return true;
            }
            // ADDRESS continues after "<digits> " with a capital (direction, street word) or a digit ("3rd")
            if (run <= 6 && isRegexSpace(next) && s + run + 1 < n && isUpperOrDigit(buf[s + run + 1])
                    && (mt = m(ADDRESS, 8, s)).lookingAt()) {
                int end = mt.end();
                coveredUpTo = end;
                claim(s, coveredUpTo);
                if (!orgContext(s, ORG_ADDRESS_CUES)) {
                    emit(s, end, PhiType.GEO);
                }
                return true;
            }
            if (run <= 2 && (isRegexSpace(next) || Character.isLetter(next)) && dayMonthStart(s + run)
                    && (mt = m(DAY_MONTH, 3, s)).lookingAt()) {
                return dateAt(mt, s);
            }
            if (run <= 2 && (next == '/' || next == '.' || next == '-') && (mt = m(NUM_DATE, 9, s)).lookingAt()
                    && validNumDate(mt)) {
                return dateAt(mt, s);
            }
            if (run == 5 && (mt = m(ZIP, 10, s)).lookingAt() && te[k] == mt.end()) {
                emit(s, mt.end(), PhiType.GEO);
                coveredUpTo = mt.end();
                claim(s, coveredUpTo);
                return true;
            }
            return ageOrId(k);
        }

        /**
         * PHONE needs 10 digits within its longest form, "+1-(555) 555-0123" (17 chars): most numbers fail
         * this count and never reach the regex.
         */
        private boolean phoneDigits(int from) {
            int digits = 0;
            for (int i = from, end = Math.min(n, from + 17); i < end; i++) {
                if (isAsciiDigit(buf[i]) && ++digits == 10) {
                    return true;
                }
            }
            return false;
        }

        /**
         * After the day digits (at p), DAY_MONTH needs an optional st/nd/rd/th, one space, then "of"
         * (any case) or a capitalised month: "12 units" is rejected without the regex.
         */
        private boolean dayMonthStart(int p) {
            if (p + 1 < n) {
                char a = buf[p];
                char b = buf[p + 1];
                if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')) {
                    p += 2;
                }
            }
            return p + 1 < n && isRegexSpace(buf[p]) && "JFMASONDoO".indexOf(buf[p + 1]) >= 0;
        }

        /** Lengths of the first digit run of a phone number: [1][ddd][ddd]dddd with optional separators. */
        private boolean phoneRun(int run) {
            return run == 1 || run == 3 || run == 4 || run == 6 || run == 7 || run == 10 || run == 11;
        }

        private boolean validNumDate(Matcher mt) {
            int a = Integer.parseInt(mt.group(1));
            int b = Integer.parseInt(mt.group(3));
            char sep = mt.group(2).charAt(0);
            String y = mt.group(4);
            if (y == null && sep != '/') {
                return false; // "9-111" is a room, "0.5" a dose
            }
            if (y == null && (b == 10 || b == 5) && a <= b) {
                return false; // "10/10", "4/5": ratings
            }
            boolean md = a >= 1 && a <= 12 && b >= 1 && b <= 31;
            boolean dm = b >= 1 && b <= 12 && a >= 1 && a <= 31;
            return md || dm;
        }

        /** Ages over 89 by context, otherwise identifier-shaped tokens. */
        private boolean ageOrId(int k) {
            int s = ts[k];
            int e = te[k];
            int digits = 0;
            int letters = 0;
            boolean upperOnly = true;
            for (int i = s; i < e; i++) {
                char c = buf[i];
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
            if (letters == 0 && digits == e - s && digits >= 2 && digits <= 3) {
                int v = 0;
                for (int i = s; i < e; i++) {
                    v = v * 10 + Character.digit(buf[i], 10);
                }
                if (v >= 90 && v <= 125 && ageContext(k)) {
                    emit(s, e, PhiType.AGE_OVER_89);
                    return true;
                }
                return false;
            }
            if (letters == 0 && digits == e - s && digits < 6) {
                return false; // a plain number: no age context above, too short for an identifier
            }
            String tok = text.substring(s, e);
            if (letters == 0 && tok.length() > 3 && tok.regionMatches(2, "-year", 0, 5)) {
                return false; // two-digit "-year-old" is under 100; ninety-somethings handled below
            }
            if (letters > 0 && tok.length() > 4 && tok.indexOf("-year") > 0) {
                int dash = tok.indexOf('-');
                String num = tok.substring(0, dash);
                if (num.chars().allMatch(Character::isDigit) && num.length() <= 3 && num.length() >= 2) {
                    int v = Integer.parseInt(num);
                    if (v >= 90 && v <= 125) {
                        emit(s, s + dash, PhiType.AGE_OVER_89);
                        return true;
                    }
                }
                return false;
            }
            // An ordinal: digits first, then the two letters ("101st"); "St555" is not one.
            if (letters == 2 && digits >= 2 && digits <= 3 && tok.length() == digits + 2
                    && tok.chars().limit(digits).allMatch(Character::isDigit)
                    && text.regionMatches(true, e, " birthday", 0, 9)) {
                int v = Integer.parseInt(tok.substring(0, digits));
                if (v >= 90 && v <= 125) {
                    emit(s, s + digits, PhiType.AGE_OVER_89); // "Happy 101st birthday"
                    return true;
                }
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
                emit(s, e, lookbackType(s));
                coveredUpTo = e;
                claim(s, coveredUpTo);
                return true;
            }
            return false;
        }

        private boolean ageContext(int k) {
            int e = te[k];
            // "90 years old", "a 92-year-old", "95yo"
            int j = e;
            while (j < n && buf[j] == ' ') {
                j++;
            }
            if (text.regionMatches(true, j, "years", 0, 5) || text.regionMatches(true, j, "year", 0, 4)
                    || text.regionMatches(true, j, "yrs", 0, 3) || text.regionMatches(true, j, "yo", 0, 2)
                    || text.regionMatches(true, e, "th birthday", 0, 11) || text.regionMatches(true, j, "birthday", 0, 8)) {
                return !(text.regionMatches(true, j, "years ago", 0, 9) || text.regionMatches(true, j, "years of", 0, 8));
            }
            if (k + 1 < count) {
                String next = low(k + 1);
                if ((fl[k + 1] & F_AGE_UNIT) != 0 && ts[k + 1] - e <= 2) {
                    return false;
                }
                if (next.equals("and") && k + 2 < count && (low(k + 2).equals("up") || low(k + 2).equals("older")
                        || low(k + 2).equals("over"))) {
                    return false;
                }
            }
            if (e < n && (buf[e] == '%' || buf[e] == '+')) {
                return false;
            }
            if (k > 0) {
                String prev = low(k - 1);
                if ((fl[k - 1] & F_AGE_BEFORE) != 0) {
                    return true;
                }
                // "Lamar from Tamsworth, 95, three-time survivor"
                return buf[ts[k] - 1] == ' ' && ts[k] >= 2 && buf[ts[k] - 2] == ','
                        && e < n && buf[e] == ',';
            }
            return false;
        }

        /** After a label word: skip filler, then take an identifier-shaped value. */
        private void labelledValue(int k, PhiType type, boolean room) {
            int j = k + 1;
            int limit = Math.min(count, k + 6);
            while (j < limit && (fl[j] & (F_LABEL_FILLER | F_LABEL)) != 0 && !hasDigit(j)) {
                j++;
            }
            if (j >= limit) {
                return;
            }
            // the value starts with a digit-bearing token, or a short letter prefix of one ("KB 6230")
            if (!hasDigit(j) && !(isAllUpper(j) && te[j] - ts[j] <= 3 && j + 1 < count && hasDigit(j + 1)
                    && ts[j + 1] - te[j] == 1)) {
                return;
            }
            int s = ts[j];
            if (s - te[k] > 40 || s < coveredUpTo) {
                return;
            }
            if (Character.isDigit(buf[s]) && numericShape(s)) {
                return; // a phone, SSN, IP or date after "number"/"ID": the numeric rules type it
            }
            // a name may stand between label and value: "(Maria Lopez, 08-548772)" is handled by ageOrId
            Matcher mt = room ? m(ROOM_VALUE, 11, s) : m(LABEL_VALUE, 12, s);
            if (!mt.lookingAt()) {
                return;
            }
            int e = mt.end();
            int digits = 0;
            for (int i = s; i < e; i++) {
                if (Character.isDigit(buf[i])) {
                    digits++;
                }
            }
            if (digits == 0 || (!room && digits + (e - s) < 5)) {
                return;
            }
            if (!room && e - s == 4 && digits == 4 && isYear(s)) {
                return;
            }
            if (buf[s] == '#') {
                s++;
                while (s < e && buf[s] == ' ') {
                    s++;
                }
            }
            emit(s, e, type == PhiType.OTHER_ID && !room ? lookbackType(s) : type);
            coveredUpTo = e;
                claim(s, coveredUpTo);
        }

        private boolean numericShape(int s) {
            int from = s > 0 && (buf[s - 1] == '(' || buf[s - 1] == '+') ? s - 1 : s;
            return m(PHONE, 6, from).lookingAt() || m(SSN, 7, s).lookingAt() || m(IP, 4, s).lookingAt()
                    || m(ISO_DATE, 5, s).lookingAt() || (m(NUM_DATE, 9, s).lookingAt() && validNumDate(matchers[9]));
        }

        private boolean hasDigit(int k) {
            return (fl[k] & S_DIGIT) != 0;
        }



        private boolean isYear(int s) {
            char a = buf[s];
            char b = buf[s + 1];
            return (a == '1' && b == '9') || (a == '2' && b == '0');
        }

        // ---------------------------------------------------------------- context helpers
        /** Lower-cased window of up to len chars before pos, cut at the previous sentence end. */
        private String before(int pos, int len) {
            int from = Math.max(0, pos - len);
            for (int i = pos - 1; i > from; i--) {
                char c = buf[i];
                if ((c == '.' || c == '!' || c == '?' || c == '\n') && i + 1 < n && Character.isWhitespace(buf[i + 1])
                        && !(c == '.' && abbreviationBefore(i))) {
                    from = i + 1;
                    break;
                }
            }
            return text.substring(from, pos).toLowerCase(Locale.ROOT);
        }

        private boolean abbreviationBefore(int dot) {
            int a = dot;
            while (a > 0 && Character.isLetter(buf[a - 1])) {
                a--;
            }
            return dot - a <= 4 && ABBREVIATIONS.contains(text.substring(a, dot).toLowerCase(Locale.ROOT));
        }

        private boolean orgContext(int pos, List<String> cues) {
            String w = before(pos, 70);
            int lead = 0;
            while (lead < w.length() && !Character.isLetter(w.charAt(lead))) {
                lead++;
            }
            if (cues == ORG_PHONE_CUES && w.startsWith("call ", lead) && !w.startsWith("call me", lead)) {
                return true; // "Call (503) 555-0120 to request..." is the hospital inviting calls
            }
            for (String c : cues) {
                if (w.contains(c)) {
                    return true;
                }
            }
            return false;
        }

        private boolean faxContext(int pos) {
            String w = text.substring(Math.max(0, pos - 80), pos).toLowerCase(Locale.ROOT);
            return w.contains("fax");
        }

        private boolean eventContext(int pos) {
            return orgContext(pos, EVENT_CUES);
        }

        private PhiType lookbackType(int pos) {
            String w = text.substring(Math.max(0, pos - 60), pos).toLowerCase(Locale.ROOT);
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

        // ---------------------------------------------------------------- names and places
        void scanNames() {
            Set<String> staffNames = null;
            for (int c = 0; c < claimn; c += 2) {
                // first token ending after the claim's start (token ends ascend), then while inside it
                int lo = 0;
                int hi = count;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (te[mid] > claims[c]) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                for (int k = lo; k < count && ts[k] < claims[c + 1]; k++) {
                    role[k] = DONE;
                }
            }
            // 1. organisation names ("St. Brigid's Community Hospital") and staff with a title
            for (int k = 0; k < count; k++) {
                if ((fl[k] & F_ORG_HEAD) != 0 && isCap(k)) {
                    for (int j = k; j >= 0 && j > k - 7; j--) {
                        if (j < k && !joined(j, j + 1) && !(j + 1 <= k && buf[te[j]] == ' ' && isCap(j))) {
                            break;
                        }
                        if (!isCap(j) && !low(j).equals("of") && !low(j).equals("and")) {
                            break;
                        }
                        role[j] = ORG;
                    }
                }
                boolean staffCue = (fl[k] & F_STAFF) != 0 && (isCap(k) || low(k).equals("nurse") || low(k).equals("dr"))
                        && !(low(k).equals("do") || low(k).equals("pa") || low(k).equals("md")) ;
                if ((fl[k] & W_DO_MD_PA) != 0) {
                    staffCue = buf[ts[k]] == 'D' && low(k).equals("do") ? false : staffCue;
                }
                if ((fl[k] & F_CLOSING) != 0 && te[k] < n && buf[te[k]] == ',') {
                    staffCue = true;
                }
                if (staffCue || signatureDash(k)) {
                    int j = staffCue ? k + 1 : k;
                    int taken = 0;
                    while (j < count && taken < 3 && isCap(j) && (taken == 0 ? ts[j] - te[j - (j > 0 ? 1 : 0)] <= 3 || j == k : joined(j - 1, j))) {
                        role[j] = STAFF;
                        if (staffNames == null) {
                            staffNames = new HashSet<>();
                        }
                        staffNames.add(low(j));
                        taken++;
                        j++;
                    }
                }
            }
            // 2. strong cues: kinship words, greetings, patient titles, "my name is", "here from"
            for (int k = 0; k < count; k++) {
                if (role[k] != NONE) {
                    continue;
                }
                if (hasDigit(k)) {
                    continue;
                }
                boolean cap = isCap(k);
                if (isHashtag(k)) {
                    hashtag(k);
                    continue;
                }
                boolean near = k > 0 && ts[k] - te[k - 1] <= 3;
                
                int pf = near ? fl[k - 1] : 0;
                int f = fl[k];
                boolean strong = false;
                if (k > 0 && ((pf & (F_KIN | F_PTITLE)) != 0
                        || ((pf & W_IS) != 0 && k > 1 && (fl[k - 2] & W_NAME) != 0))) {
                    // "patient parking" is not a name; "Patient Colleen Abernathy" is
                    strong = (f & F_NOT_NAME) == 0 && (cap || !(near && low(k - 1).equals("patient")));
                } else if (k > 0 && (pf & F_GREET) != 0 && (f & F_NOT_NAME) == 0) {
                    strong = true;
                } else if (cap && te[k] + 1 < n && (buf[te[k]] == '\'' || buf[te[k]] == '\u2019')
                        && (buf[te[k] + 1] == 's') && (f & F_ENGLISH) == 0) {
                    strong = true; // "Amara's billing account": a possessive capital is a person or place
                } else if (dashSigned(k)) {
                    strong = true;
                } else if (k + 2 < count && (fl[k + 1] & W_HERE) != 0 && ((fl[k + 2] & W_FROM) != 0 || buf[te[k + 1]] == ',')) {
                    strong = true;
                }
                boolean hereFrom = (pf & W_FROM) != 0 && k > 1 && (fl[k - 2] & W_HERE) != 0;
                if (!cap && !strong && !hereFrom) {
                    continue; // lower-case words are names only after a cue
                }
                boolean english = (f & F_ENGLISH) != 0;
                boolean anyEnglish = english || (f & F_ANY_ENGLISH) != 0;
                boolean dict = (f & F_NAME) != 0;
                if (staffNames != null && staffNames.contains(low(k)) && !strong) {
                    continue;
                }
                if (isAllUpper(k) || (f & (F_MONTH | F_WEEKDAY | F_PTITLE | F_STAFF)) != 0) {
                    if (!(strong && cap && dict && !isAllUpper(k))) {
                        continue;
                    }
                }
                boolean isName;
                if (cap) {
                    // unknown capitalised word, a dictionary name that is no dictionary word, or a cue
                    // prose-only words veto a capital only where the sentence starts ("Hydrated and happy")
                    isName = !english && (!anyEnglish || dict || strong || !sentenceInitial(k)) || (strong && dict);
                } else {
                    // lower-case names only with a cue: "thanks again, chiamaka!", "my son mateo"
                    isName = te[k] - ts[k] >= 2 && strong && (!english || dict);
                }
                if (!isName) {
                    // lower-case place after "here from" ("mei-ling here from hollis creek!!")
                    if (!cap && hereFrom) {
                        markPlaceRun(k);
                    }
                    continue;
                }
                PhiType t = (pf & F_PLACE_CUE) != 0 && cap && !strong ? PhiType.GEO : PhiType.NAME;
                if (hereFrom) {
                    markPlaceRun(k);
                    continue;
                }
                role[k] = t == PhiType.GEO ? GEO : NAME;
            }
            // 3. grow runs: "Yolanda St. Clair", "Hollis Creek", "Port Ansel", "Fairhaven County"
            for (int k = 0; k < count; k++) {
                if (role[k] != NAME && role[k] != GEO) {
                    continue;
                }
                int a = k;
                while (a > 0 && role[a - 1] == NONE && joined(a - 1, a) && isCap(a - 1)
                        && (fl[a - 1] & F_PPREFIX) != 0 && !sentenceStartBefore(a - 1)) {
                    a--;
                }
                if (a > 0 && role[a - 1] == NONE && joined(a - 1, a) && isCap(a - 1)
                        && (fl[a - 1] & F_PPREFIX) != 0) {
                    a--;
                }
                // a first name that is also a word, before a surname: "Amara Mahmoud", "Grace Okafor"
                while (a == k && a > 0 && role[k] == NAME && role[a - 1] == NONE && joined(a - 1, a)
                        && isCap(a - 1) && !isAllUpper(a - 1)
                        && ((fl[a - 1] & F_FIRST) != 0 || (fl[a - 1] & F_ENGLISH) == 0)) {
                    a--;
                }
                int b = k;
                while (b + 1 < count && joined(b, b + 1) && (role[b + 1] == NAME || role[b + 1] == GEO
                        || (role[b + 1] == NONE && role[k] == NAME && isCap(b + 1) && !isAllUpper(b + 1)
                        && (fl[b + 1] & F_NAME) != 0 && (fl[b + 1] & (F_MONTH | F_WEEKDAY)) == 0)
                        || (role[b + 1] == NONE && sameCase(k, b + 1) && ((fl[b + 1] & F_PSUFFIX) != 0
                        || ((fl[b + 1] & F_PARTICLE) != 0 && b + 2 < count && joined(b + 1, b + 2)
                        && isCap(b + 2) && role[b + 2] != STAFF && role[b + 2] != ORG && (fl[b + 2] & F_ENGLISH) == 0))))) {
                    b++;
                }
                boolean place = role[k] == GEO || (fl[b] & F_PSUFFIX) != 0 || a < k;
                // not a "j <= b" loop: C2's loop-limit check on it deoptimised this whole method mid-warm-up
                Arrays.fill(role, a, b + 1, DONE);
                emit(ts[a], te[b], place ? PhiType.GEO : PhiType.NAME);
                k = b;
            }
        }

        private void markPlaceRun(int k) {
            int j = k;
            while (j < count && j < k + 3 && (j == k || joined(j - 1, j)) && !hasDigit(j)) {
                j++;
                if (j < count && te[j - 1] < n && ",.!?;".indexOf(buf[te[j - 1]]) >= 0) {
                    break;
                }
            }
            for (int i = k; i < j; i++) {
                role[i] = GEO;
            }
        }

        /** Nothing but spaces, quotes or emoji between the token and a sentence end (or the text start). */
        private boolean sentenceInitial(int k) {
            for (int i = ts[k] - 1; i >= 0; i--) {
                char c = buf[i];
                if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || Character.isSurrogate(c)) {
                    return true;
                }
                if (Character.isLetterOrDigit(c) || c == ',' || c == ';') {
                    return false;
                }
            }
            return true;
        }

        private boolean sentenceStartBefore(int k) {
            return k == 0 || ".!?\n".indexOf(buf[Math.max(0, ts[k] - 2)]) >= 0;
        }

        private boolean sameCase(int a, int b) {
            return isCap(a) == isCap(b);
        }

        /** Tokens a and a+1 are separated by one space (or "St. " style abbreviation dot). */
        private boolean joined(int a, int b) {
            int gapStart = te[a];
            int gapEnd = ts[b];
            if (gapEnd - gapStart == 1) {
                return buf[gapStart] == ' ';
            }
            if (gapEnd - gapStart == 2 && buf[gapStart] == '.' && buf[gapStart + 1] == ' ') {
                return (fl[a] & F_ABBR_DOT) != 0;
            }
            return gapEnd - gapStart == 3 && (buf[gapStart] == '\'' || buf[gapStart] == '\u2019')
                    && buf[gapStart + 2] == ' ';
        }

        private boolean isCap(int k) {
            char c = buf[ts[k]];
            return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
        }

        private boolean isAllUpper(int k) {
            int letters = 0;
            for (int i = ts[k]; i < te[k]; i++) {
                char c = buf[i];
                if (Character.isLowerCase(c)) {
                    return false;
                }
                if (Character.isLetter(c)) {
                    letters++;
                }
            }
            return letters > 1;
        }

        private boolean isHashtag(int k) {
            return ts[k] > 0 && buf[ts[k] - 1] == '#';
        }

        /** "#TeamWilhelmina": flag the camel-case parts that are names, not the hashtag. */
        private void hashtag(int k) {
            role[k] = DONE;
            int s = ts[k];
            int e = te[k];
            int p = s;
            while (p < e) {
                int q = p + 1;
                while (q < e && !Character.isUpperCase(buf[q]) && Character.isLetter(buf[q])) {
                    q++;
                }
                if (q - p >= 3 && Character.isUpperCase(buf[p])) {
                    String part = text.substring(p, q).toLowerCase(Locale.ROOT);
                    if (!lex.isAnyEnglish(part) && !HASHTAG_WORDS.contains(part)) {
                        emit(p, q, PhiType.NAME);
                    }
                }
                p = q;
            }
        }

        /** "-Carmen Chen" at the end of a reply: a staff signature (dash glued to the name). */
        private boolean signatureDash(int k) {
            int s = ts[k];
            if (s < 1 || buf[s - 1] != '-' || !isCap(k)) {
                return false;
            }
            return s < 2 || Character.isWhitespace(buf[s - 2]);
        }

        /** "- fernando, Hollis Creek" / "— Yolanda": a patient signing their own post. */
        private boolean dashSigned(int k) {
            int s = ts[k];
            if (s < 2 || buf[s - 1] != ' ') {
                return false;
            }
            char d = buf[s - 2];
            return d == '-' || d == '\u2014' || d == '\u2013';
        }

        // ---------------------------------------------------------------- merge
        List<PhiSpan> merged() {
            int m = spn / 3;
            if (m == 0) {
                return List.of();
            }
            long[] keys = new long[m];
            for (int i = 0; i < m; i++) {
                keys[i] = ((long) sp[3 * i] << 32) | i;
            }
            Arrays.sort(keys);
            List<PhiSpan> out = new ArrayList<>(m);
            int cs = -1;
            int ce = -1;
            int ct = 0;
            for (long key : keys) {
                int i = (int) key;
                int s = sp[3 * i];
                int e = sp[3 * i + 1];
                int t = sp[3 * i + 2];
                if (cs >= 0 && s < ce) {
                    if (e - s > ce - cs) {
                        ct = t;
                    }
                    ce = Math.max(ce, e);
                    continue;
                }
                if (cs >= 0) {
                    out.add(new PhiSpan(cs, ce, PhiType.values()[ct]));
                }
                cs = s;
                ce = e;
                ct = t;
            }
            out.add(new PhiSpan(cs, ce, PhiType.values()[ct]));
            return out;
        }
    }

    /** Java regex \\s without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isWhitespace(char c) {
        if (c < 128) {
            return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F);
        }
        return Character.isWhitespace(c);
    }

    private static boolean isLetterOrDigit(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean isUpperOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isEmailLocal(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

    private static final Set<String> ABBREVIATIONS = Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "st", "dr", "mr", "mrs", "ms", "ave", "blvd", "rd", "ln", "apt",
            "no", "vs", "mt", "ft", "jr", "sr", "a.m", "p.m", "m");
    private static final Set<String> TLDS = Set.of("com", "org", "net", "edu", "gov", "io", "co", "us", "info", "me", "health", "care", "ly", "site", "blog", "page", "app", "online", "biz", "ca", "uk", "fund");
    private static final Set<String> HASHTAG_WORDS = Set.of("team", "strong", "pray", "prayfor", "praying", "love", "go", "support", "fight", "warrior", "tbt", "nicu", "bday", "fundraiser");
    /** The hospital's own public contact details are introduced like this; a patient's are not. */
    private static final List<String> ORG_PHONE_CUES = List.of("call us", "reach us", "contact us", "available at",
            "counselors", "hotline", "helpline", "our main", "our number", "front desk at", "scheduling",
            "appointments at", "line at", "office at", "questions? call", "please call", "call the");
    private static final List<String> ORG_URL_CUES = List.of("learn", "warning signs", "visit us", "our website",
            "more at", "info at", "details at", "register at", "sign up at", "our site", "resources at",
            "read more", "information at");
    private static final List<String> ORG_ADDRESS_CUES = List.of("office at", "every saturday at",
            "every sunday at", "every monday at", "every tuesday at", "every wednesday at", "every thursday at",
            "every friday at", "fair is", "campus at", "located at", "visit us at", "join us at", "clinic at",
            "lobby at", "held at", "is open", "are open", "our main", "are back", "event at", "screenings at", "meets at");
    /** Public hospital events: their dates are not tied to a patient. */
    private static final List<String> EVENT_CUES = List.of("class meets", "meets ", "fair is", "fair on",
            "event is", "event on", "join us", "open house", "webinar", "gala", "seminar", "workshop",
            "screening day", "blood drive", "health fair", "support group meets", "class is", "classes start");
    private static final Map<String, PhiType> LOOKBACK = new HashMap<>();

    static {
        LOOKBACK.put("mrn", PhiType.MRN);
        LOOKBACK.put("medical record", PhiType.MRN);
        LOOKBACK.put("wristband", PhiType.MRN);
        LOOKBACK.put("file", PhiType.MRN);
        LOOKBACK.put("ssn", PhiType.SSN);
        LOOKBACK.put("social", PhiType.SSN);
        LOOKBACK.put("member id", PhiType.HEALTH_PLAN);
        LOOKBACK.put("insurance", PhiType.HEALTH_PLAN);
        LOOKBACK.put("policy", PhiType.HEALTH_PLAN);
        LOOKBACK.put("account", PhiType.ACCOUNT);
        LOOKBACK.put("license", PhiType.LICENSE);
        LOOKBACK.put("dl number", PhiType.LICENSE);
        LOOKBACK.put("plate", PhiType.VEHICLE);
        LOOKBACK.put("vin", PhiType.VEHICLE);
        LOOKBACK.put("car", PhiType.VEHICLE);
        LOOKBACK.put("vehicle", PhiType.VEHICLE);
        LOOKBACK.put("serial", PhiType.DEVICE);
        LOOKBACK.put("pump", PhiType.DEVICE);
        LOOKBACK.put("monitor", PhiType.DEVICE);
        LOOKBACK.put("fingerprint", PhiType.BIOMETRIC);
        LOOKBACK.put("biometric", PhiType.BIOMETRIC);
        LOOKBACK.put("room", PhiType.OTHER_ID);
    }
}
