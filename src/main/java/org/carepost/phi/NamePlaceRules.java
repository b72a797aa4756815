package org.carepost.phi;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and places. Places by grammar first: a street address (number, words, street type, unit), the town after it
 * or before ", ST ZIP" (whatever stands there, in a word list or not), ZIP codes, rural roads and PO boxes. Then
 * names, decided per token from evidence: context (introductions, kinship words, salutations, titles, possessives,
 * prayers, "the ... family", signatures, hashtags, handles) and shape (capitals that are no English word, particles,
 * hyphens, accents), grown into runs ("Guadalupe de la Garza", "Port Aransas"). Not names: the organisation
 * directory's names and staff, staff after a title or before a role, departments, states and countries.
 */
final class NamePlaceRules {

    private static final String ORD = "(?:st|nd|rd|th)";
    private static final String STREET_SUFFIX = "(?:Road|Rd|Street|St|Avenue|Ave|Av|Lane|Ln|Way|Drive|Dr|Boulevard"
            + "|Blvd|Court|Ct|Place|Pl|Terrace|Ter|Circle|Cir|Trail|Trl|Parkway|Pkwy|Highway|Hwy|Run|Path|Loop"
            + "|Square|Sq|Pike|Row|Crossing|Xing|Alley|Bend|Cove|Crescent|Close|Heights|Hts|Hill|Ridge|Point|Pt"
            + "|Walk|Green|Park|Plaza|Route|Rte|Turnpike|Expressway|Fwy|Freeway)";
    private static final String UNIT = "(?:\\.?,?\\s?(?:(?:Apt|Apartment|Unit|Suite|Ste|Fl|Floor|Rm|Lot|Bldg)"
            + "\\.?\\s?#?|#\\s?)[A-Za-z0-9-]*\\d[A-Za-z0-9-]*)?";
    static final Pattern ADDRESS = Pattern.compile(
            "\\d{1,6}\\s(?:(?:[NSEW]\\.?|North|South|East|West)\\s)?(?:(?:[A-Z][A-Za-z'-]*\\.?|\\d{1,3}" + ORD
                    + ")\\s){1,4}" + STREET_SUFFIX + "\\b" + UNIT);
    /** "12 elm st", "4417 juniper hollow rd": casual text writes streets in lower case too. */
    static final Pattern LOWER_ADDRESS = Pattern.compile(
            "\\d{1,6}\\s((?:[a-z][a-z'-]*\\s){1,3})(?:street|st|avenue|ave|road|rd|lane|ln|blvd|boulevard|court|ct"
                    + "|terrace|circle|parkway|pkwy|drive|dr|pike|trail)\\b" + UNIT);
    static final Pattern ZIP = Pattern.compile("\\d{5}(?:-\\d{4})?(?![\\d-])");
    static final Pattern RURAL_ROAD = Pattern.compile(
            "(?i:county\\s(?:road|rd|route|highway|hwy)|rural\\sroute|c\\.?r\\.?|rr|fm)\\s\\d{1,4}[A-Z]?\\b");
    static final Pattern PO_BOX = Pattern.compile("(?i:p\\.?\\s?o\\.?\\s?box|post\\soffice\\sbox)\\s#?\\d{1,6}\\b");

    private static final Set<String> HASHTAG_WORDS = Set.of("team", "strong", "pray", "prayfor", "praying", "love",
            "go", "support", "fight", "warrior", "tbt", "nicu", "bday", "fundraiser", "for", "the", "and", "day",
            "week", "month", "grad", "stories", "story");
    /** Chat words that are no name even after a name ("i'm dmitri volkov btw"). */
    private static final Set<String> CHAT_WORDS = Set.of("btw", "lol", "lmao", "lmfao", "omg", "tbh", "fyi", "pls",
            "plz", "idk", "imo", "rn", "tho", "ur", "bc", "cuz", "smh", "ngl", "irl", "jk", "ty", "thx", "xo", "xoxo",
            "haha", "hahaha", "obvi", "fr", "tbf", "asap", "ok", "okay", "yall", "y'all", "aka");

    private NamePlaceRules() {
    }

    // =============================================================== places by grammar (slots 16 to 21)
    static void addresses(TextScan s) {
        for (int k = 0; k < s.count; k++) {
            if (s.taken(k)) {
                continue;
            }
            int t = s.ts[k];
            char c = s.buf[t];
            if (TextScan.isAsciiDigit(c)) {
                numericPlace(s, k);
            } else if ((s.fl2[k] & PhiWords.G_ROAD) != 0) {
                Matcher mt = s.m(RURAL_ROAD, 16, t, 30);
                if (mt.lookingAt() || (mt = s.m(PO_BOX, 17, t, 30)).lookingAt()) {
                    s.identifier(t, mt.end(), PhiType.GEO);
                }
            } else if (s.length(k) == 2 && c >= 'A' && c <= 'Z' && s.buf[t + 1] >= 'A' && s.buf[t + 1] <= 'Z'
                    && PhiWords.US_STATES.contains(s.text.substring(t, s.te[k]))) {
                townBeforeState(s, k);
            }
        }
    }

    private static void numericPlace(TextScan s, int k) {
        int t = s.ts[k];
        int run = s.digitRun(k);
        if (run <= 6 && t + run + 1 < s.n && TextScan.isRegexSpace(s.buf[t + run]) && streetWordAhead(s, k)) {
            char first = s.buf[t + run + 1];
            Matcher mt = null;
            if (TextScan.isUpperOrDigit(first)) {
                mt = s.m(ADDRESS, 18, t);
            } else if (first >= 'a' && first <= 'z') {
                mt = s.m(LOWER_ADDRESS, 19, t);
                if (mt.lookingAt() && !plausibleLowerStreet(s, mt.start(1), mt.end(1))) {
                    return;
                }
            }
            if (mt != null && mt.lookingAt()) {
                street(s, t, mt.end());
                return;
            }
        }
        if (run == 5 && s.te[k] - t >= 5) {
            Matcher mt = s.m(ZIP, 20, t, 12);
            if (mt.lookingAt() && mt.end() >= s.te[k] && !(t > 0 && (s.buf[t - 1] == '$' || s.buf[t - 1] == ','
                    || s.buf[t - 1] == '.'))) {
                s.identifier(t, mt.end(), PhiType.GEO);
            }
        }
    }

    /** A street type within the next five words: without one no address pattern can match. */
    private static boolean streetWordAhead(TextScan s, int k) {
        for (int j = k + 1; j < s.count && j <= k + 6; j++) {
            if ((s.fl2[j] & PhiWords.G_STREET) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Lower-case street words must look like a street name: "3 blocks down the street" is none. */
    private static boolean plausibleLowerStreet(TextScan s, int a, int e) {
        int k = s.firstTokenEndingAfter(a);
        for (; k < s.count && s.ts[k] < e; k++) {
            if ((s.fl[k] & (PhiWords.F_NOT_NAME | PhiWords.F_AGE_UNIT | PhiWords.F_PLACE_CUE | PhiWords.F_LABEL_FILLER
                    | PhiWords.F_AGE_BEFORE)) != 0 || s.is(k, "way") || s.is(k, "hour") || s.is(k, "blocks")
                    || s.is(k, "block") || s.is(k, "lane") || s.is(k, "mile")) {
                return false;
            }
        }
        return true;
    }

    /** A street address, then the town after it: "4417 Juniper Hollow Rd, Pellston, MI" / "...Rd\nPellston". */
    private static void street(TextScan s, int a, int e) {
        boolean own = s.directory.isOrgAddress(s.text.substring(a, e));
        if (own) {
            s.take(a, e);
        } else {
            s.identifier(a, e, PhiType.GEO);
        }
        int p = e;
        if (p < s.n && s.buf[p] == ',') {
            p++;
        }
        while (p < s.n && (s.buf[p] == ' ' || s.buf[p] == '\n' || s.buf[p] == '\r')) {
            p++;
        }
        int k = s.tokenAt(p);
        if (k < 0 || s.taken(k)) {
            return;
        }
        town(s, k, own);
    }

    /** The capitalised words from token k up to a comma, line end or state: the town, whatever its name. */
    private static void town(TextScan s, int k, boolean own) {
        int j = k;
        while (j < s.count && j < k + 4 && s.isCap(j) && !s.hasDigit(j) && !s.taken(j)
                && !(s.length(j) == 2 && PhiWords.US_STATES.contains(s.text.substring(s.ts[j], s.te[j])))
                && (s.fl2[j] & PhiWords.G_ROLE) == 0 && (j == k || s.joined(j - 1, j))) {
            j++;
            if (j < s.count && s.te[j - 1] < s.n && s.buf[s.te[j - 1]] != ' ') {
                break; // a comma or line end after the word ends the town
            }
        }
        if (j == k || j - k > 3 || isLargePlace(s, k, j - 1)) {
            return;
        }
        if (own) {
            s.take(s.ts[k], s.te[j - 1]);
        } else {
            s.identifier(s.ts[k], s.te[j - 1], PhiType.GEO);
        }
    }

    /** "Pelican Bluff, FL 32034": the words before ", ST" when a ZIP follows the state. */
    private static void townBeforeState(TextScan s, int st) {
        int z = st + 1;
        boolean zip = z < s.count && s.hasDigit(z) && s.length(z) >= 5 && s.spaced(st, z, 2)
                && TextScan.isAsciiDigit(s.buf[s.ts[z]]);
        if (!zip || st == 0 || s.ts[st] < 2 || s.buf[s.ts[st] - 1] != ' ' || s.buf[s.ts[st] - 2] != ',') {
            return;
        }
        int j = st - 1;
        int first = j;
        while (first > 0 && first > j - 3 && s.joined(first - 1, first) && s.isCap(first - 1)
                && !s.taken(first - 1) && !s.hasDigit(first - 1)) {
            first--;
        }
        if (s.taken(j) || !s.isCap(j) || isLargePlace(s, first, j)) {
            return;
        }
        for (int i = first; i <= j; i++) {
            if (!s.isCap(i) || s.hasDigit(i)) {
                return;
            }
        }
        s.identifier(s.ts[first], s.te[j], PhiType.GEO);
    }

    /** Tokens a to b name a state, country or region (one or two words), compared without building a String. */
    static boolean isLargePlace(TextScan s, int a, int b) {
        if ((s.fl2[a] & PhiWords.G_LARGE_PLACE) == 0) {
            return false;
        }
        if (b == a) {
            return PhiWords.LARGE_PLACES.contains(s.low(a));
        }
        Set<String> second = b == a + 1 ? PhiWords.LARGE_PLACE_PAIRS.get(s.low(a)) : null;
        return second != null && second.contains(s.low(b));
    }

    // =============================================================== names and places by evidence
    static void names(TextScan s, PhiLexicon lex) {
        Set<String> staffNames = null;
        directoryNames(s);
        // 1. organisation names ("St. Brigid's Community Hospital"), states and countries, staff
        for (int k = 0; k < s.count; k++) {
            if (s.role[k] == TextScan.DONE) {
                continue;
            }
            int f = s.fl[k];
            if ((f & PhiWords.F_ORG_HEAD) != 0 && s.isCap(k)) {
                orgBefore(s, k);
            }
            if ((s.fl2[k] & PhiWords.G_LARGE_PLACE) != 0 && s.isCap(k) && s.role[k] == TextScan.NONE
                    && !(k > 0 && s.joined(k - 1, k) && s.isCap(k - 1) && (s.fl[k - 1] & PhiWords.F_FIRST) != 0)) {
                // a state or country, but not the surname in "Keisha Washington"
                if (k + 1 < s.count && s.joined(k, k + 1) && isLargePlace(s, k, k + 1)) {
                    s.role[k] = TextScan.DONE;
                    s.role[k + 1] = TextScan.DONE;
                } else if (isLargePlace(s, k, k)) {
                    s.role[k] = TextScan.DONE;
                }
            }
            boolean staffCue = (f & PhiWords.F_STAFF) != 0 && (s.isCap(k) || s.is(k, "nurse") || s.is(k, "dr")
                    || s.is(k, "rev")) && (f & PhiWords.W_DO_MD_PA) == 0;
            if ((f & PhiWords.F_CLOSING) != 0 && s.charAfter(k) == ',') {
                staffCue = true;
            }
            if (staffCue || signatureDash(s, k)) {
                staffNames = staffAfter(s, staffCue ? k + 1 : k, staffCue ? k : -1, staffNames);
            }
        }
        staffNames = staffByRoleOrDirectory(s, staffNames);
        // 2. candidates
        for (int k = 0; k < s.count; k++) {
            if (s.role[k] != TextScan.NONE || s.hasDigit(k)) {
                continue;
            }
            if (s.charBefore(k) == '#') {
                hashtag(s, k, lex);
                continue;
            }
            if (s.charBefore(k) == '@') {
                handle(s, k);
                continue;
            }
            decide(s, k, staffNames);
        }
        // 3. grow runs and emit: "Yolanda St. Clair", "Hollis Creek", "Port Ansel", "Guadalupe de la Garza"
        for (int k = 0; k < s.count; k++) {
            if (s.role[k] != TextScan.NAME && s.role[k] != TextScan.GEO) {
                continue;
            }
            k = grow(s, k);
        }
    }

    /** Names of the organisation directory: its own names (not places or people) and its staff. */
    private static void directoryNames(TextScan s) {
        OrganizationDirectory d = s.directory;
        if (!d.hasOrgNames() && !d.hasStaff()) {
            return;
        }
        for (int k = 0; k < s.count; k++) {
            if (s.role[k] != TextScan.NONE) {
                continue;
            }
            int h = s.th[k];
            boolean org = d.mayStartOrgName(h);
            if (!org && !d.mayStartStaffName(h)) {
                continue;
            }
            int len = org ? matchDirectory(s, k, d.orgNamesStartingWith(h)) : 0;
            if (len == 0 && org && s.isCap(k) && (s.fl[k] & (PhiWords.F_ENGLISH | PhiWords.F_NAME)) == 0
                    && d.isOrgShortName(s.low(k))) {
                len = 1; // "the Riverbend ICU nurses": the organisation's short name
            }
            if (len > 0) {
                for (int i = k; i < k + len; i++) {
                    s.role[i] = TextScan.ORG;
                }
                k += len - 1;
                continue;
            }
            len = matchDirectory(s, k, d.staffNamesStartingWith(s.th[k]));
            for (int i = k; i < k + len; i++) {
                s.role[i] = TextScan.STAFF;
            }
            k += Math.max(0, len - 1);
        }
    }

    /** The longest directory name starting at token k (in words), or 0. */
    private static int matchDirectory(TextScan s, int k, List<String[]> candidates) {
        int best = 0;
        for (String[] name : candidates) {
            if (name.length <= best || k + name.length > s.count) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < name.length && same; i++) {
                same = s.low(k + i).equals(name[i]) && (i == 0 || s.ts[k + i] - s.te[k + i - 1] <= 3);
            }
            if (same) {
                best = name.length;
            }
        }
        return best;
    }

    /** "St. Brigid's Community Hospital", "Heart and Vascular Institute": capitals before an organisation word. */
    private static void orgBefore(TextScan s, int k) {
        for (int j = k; j >= 0 && j > k - 7; j--) {
            if (j < k && !s.joined(j, j + 1) && !(s.buf[s.te[j]] == ' ' && s.isCap(j))) {
                break;
            }
            if (!s.isCap(j) && !s.is(j, "of") && !s.is(j, "and") && !s.is(j, "for") && !s.is(j, "the")) {
                break;
            }
            if (s.role[j] == TextScan.NONE || s.role[j] == TextScan.ORG) {
                s.role[j] = TextScan.ORG;
            }
        }
    }

    /** Up to three capitalised words after a staff title or closing ("Dr. Okafor", "Rev. Fatou Diallo"). */
    private static Set<String> staffAfter(TextScan s, int j, int title, Set<String> staffNames) {
        int taken = 0;
        while (j < s.count && taken < 3 && (s.isCap(j) || (title >= 0 && !s.isCap(title) && taken == 0
                && (s.fl[j] & (PhiWords.F_ENGLISH | PhiWords.F_NOT_NAME)) == 0 && s.isAllLetters(j)))
                && (taken == 0 ? title < 0 || s.ts[j] - s.te[j - 1] <= 3 : s.joined(j - 1, j))
                && s.role[j] != TextScan.DONE) {
            s.role[j] = TextScan.STAFF;
            staffNames = remember(staffNames, s.low(j));
            taken++;
            j++;
        }
        return staffNames;
    }

    private static Set<String> remember(Set<String> names, String name) {
        Set<String> out = names == null ? new HashSet<>() : names;
        out.add(name);
        return out;
    }

    /**
     * Staff without a title: a name followed by a comma (or line end) and a role ("Priya Raman, Patient Experience",
     * "Tomasz Wojcik, MSW"), or a directory staff name near a workplace or role ("Renee in billing").
     */
    private static Set<String> staffByRoleOrDirectory(TextScan s, Set<String> staffNames) {
        for (int k = 0; k < s.count; k++) {
            if (s.role[k] == TextScan.STAFF) {
                staffNames = remember(staffNames, s.low(k));
                continue;
            }
            if (s.role[k] != TextScan.NONE || !s.isCap(k) || s.hasDigit(k)) {
                continue;
            }
            if (!s.directory.hasStaff() && !endsClause(s, k) && !endsClause(s, k + 1) && !endsClause(s, k + 2)) {
                continue; // no role can follow: the cheap common case
            }
            int end = k;
            while (end + 1 < s.count && end < k + 2 && s.joined(end, end + 1) && s.isCap(end + 1)
                    && s.role[end + 1] == TextScan.NONE && !s.hasDigit(end + 1)) {
                end++;
            }
            boolean staff = roleAfter(s, end);
            if (!staff && s.directory.hasStaff()) {
                boolean known = true;
                for (int i = k; i <= end && known; i++) {
                    known = s.directory.mayBeStaffPart(s.th[i]) && s.directory.isStaffPart(s.low(i));
                }
                staff = known && workplaceNear(s, k, end);
            }
            if (staff) {
                for (int i = k; i <= end; i++) {
                    s.role[i] = TextScan.STAFF;
                    staffNames = remember(staffNames, s.low(i));
                }
            }
            k = end;
        }
        return staffNames;
    }

    private static boolean endsClause(TextScan s, int k) {
        return k < s.count && s.te[k] < s.n && (s.buf[s.te[k]] == ',' || s.buf[s.te[k]] == '\n');
    }

    /** ", RN", ", Patient Experience Manager", "\nDirector of Nursing", ", our chaplain". */
    private static boolean roleAfter(TextScan s, int end) {
        int p = s.te[end];
        if (p >= s.n || (s.buf[p] != ',' && s.buf[p] != '\n')) {
            return false;
        }
        int j = end + 1;
        boolean our = j < s.count && s.is(j, "our");
        if (our) {
            j++;
        }
        for (int i = 0; i < 3 && j < s.count; i++, j++) {
            if (i > 0 && ".!?\n,".indexOf(s.buf[s.te[j - 1]]) >= 0) {
                return false;
            }
            if (!our && !s.isCap(j) || s.hasDigit(j)) {
                return false;
            }
            if ((s.fl2[j] & PhiWords.G_ROLE) != 0) {
                return true;
            }
        }
        return false;
    }

    /** A workplace or role word within three words, in the same sentence ("Tomasz in transport", "the valet Leon"). */
    private static boolean workplaceNear(TextScan s, int a, int b) {
        for (int j = b + 1; j < s.count && j <= b + 3; j++) {
            if (".!?\n".indexOf(s.buf[s.te[j - 1]]) >= 0) {
                break;
            }
            if ((s.fl2[j] & (PhiWords.G_STAFF_PLACE | PhiWords.G_ROLE | PhiWords.G_DEPARTMENT)) != 0) {
                return true;
            }
        }
        for (int j = a - 1; j >= 0 && j >= a - 3; j--) {
            if (".!?\n".indexOf(s.buf[s.te[j]]) >= 0) {
                break;
            }
            if ((s.fl2[j] & (PhiWords.G_STAFF_PLACE | PhiWords.G_ROLE)) != 0 || (s.fl[j] & PhiWords.F_STAFF) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Is token k a name (or a place), from its context and shape? Sets its role. */
    private static void decide(TextScan s, int k, Set<String> staffNames) {
        boolean cap = s.isCap(k);
        int f = s.fl[k];
        if ((f & PhiWords.W_ROOM) != 0 && s.hasDigit(Math.min(k + 1, s.count - 1))) {
            return; // "moved her to Room 95": the label of a room number, no place
        }
        if ((f & PhiWords.F_ENGLISH) != 0 && (f & PhiWords.F_NAME) == 0) {
            // most words of a text: a dictionary word is a name only right after a kinship word ("my son Wren"),
            // a place only after a move or before a place word ("from Maple Hollow"), lower case never
            if (!cap) {
                if (k > 1 && s.has(k - 1, PhiWords.W_FROM) && s.has(k - 2, PhiWords.W_HERE)) {
                    markPlaceRun(s, k, false);
                }
                return;
            }
            if (s.length(k) > 1 && (placeAfterMove(s, k) || placeWithSuffix(s, k))) {
                markPlaceRun(s, k, true);
            } else if (!s.titleCase && kinBefore(s, k) && (f & (PhiWords.F_PTITLE | PhiWords.F_STAFF | PhiWords.F_KIN)) == 0
                    && !s.isAllUpper(k)) {
                s.role[k] = TextScan.NAME;
            }
            return;
        }
        boolean strong = strongCue(s, k, cap);
        boolean hereFrom = k > 1 && s.has(k - 1, PhiWords.W_FROM) && s.has(k - 2, PhiWords.W_HERE);
        boolean movedPlace = placeAfterMove(s, k);
        if (!cap && !strong && !hereFrom && !lowerNameShape(s, k)) {
            return; // lower-case words are names only after a cue
        }
        boolean english = isEnglish(s, k);
        boolean anyEnglish = english || (f & PhiWords.F_ANY_ENGLISH) != 0;
        boolean dict = (f & PhiWords.F_NAME) != 0;
        if (staffNames != null && staffNames.contains(s.low(k)) && !strong) {
            return;
        }
        if ((f & PhiWords.F_KIN) != 0 && cap && !strong) {
            return; // "Grandma", "Great-grandma" at the start of a sentence
        }
        if (s.isAllUpper(k) || (f & (PhiWords.F_MONTH | PhiWords.F_WEEKDAY | PhiWords.F_PTITLE | PhiWords.F_STAFF)) != 0) {
            if (!(strong && cap && dict && !s.isAllUpper(k))) {
                return;
            }
        }
        if ((s.fl2[k] & PhiWords.G_DEPARTMENT) != 0 && !strong) {
            return;
        }
        if (cap && s.length(k) == 1) {
            return; // "lot B", "Vitamin D": a lone capital letter
        }
        if (movedPlace && cap || cap && placeWithSuffix(s, k)) {
            markPlaceRun(s, k, true);
            return;
        }
        boolean isName;
        if (cap && s.titleCase) {
            // a title capitalises every word: only cues, dictionary names and accented words are evidence
            isName = strong && (!english || dict) || dict && !anyEnglish || s.hasNonAscii(k) && !english;
        } else if (cap) {
            // an unknown capitalised word, a dictionary name that is no dictionary word, or a cue; prose-only
            // words veto a capital only where the sentence starts ("Hydrated and happy"); after a kinship word even
            // a word is a name ("my daughter Hope", "our son Wren")
            isName = !english && (!anyEnglish || dict || strong || !s.sentenceInitial(k)) || (strong && dict)
                    || strong && kinBefore(s, k);
        } else {
            // lower-case names only with a cue or a name's shape: "thanks again, chiamaka!", "my son mateo"
            isName = s.length(k) >= 2 && (strong || lowerNameShape(s, k)) && (!english || dict)
                    && !CHAT_WORDS.contains(s.low(k));
        }
        if (!isName) {
            if (!cap && hereFrom) {
                markPlaceRun(s, k, false); // "mei-ling here from hollis creek!!"
            }
            return;
        }
        if (hereFrom) {
            markPlaceRun(s, k, false);
            return;
        }
        // "to" is no place cue for the type: "thanks to X", "recovery to X"
        boolean place = (k > 0 && s.has(k - 1, PhiWords.F_PLACE_CUE) && !s.is(k - 1, "to") && s.spaced(k - 1, k, 1))
                && cap && !strong && (f & PhiWords.F_FIRST) == 0;
        s.role[k] = place ? TextScan.GEO : TextScan.NAME;
    }

    /** A real kinship word (not "little", "big", "dear") right before token k. */
    private static boolean kinBefore(TextScan s, int k) {
        return k > 0 && (s.fl[k - 1] & PhiWords.F_KIN) != 0 && !WEAK_KIN.contains(s.low(k - 1))
                && (s.fl[k] & (PhiWords.F_NOT_NAME | PhiWords.F_ORG_HEAD | PhiWords.F_MONTH | PhiWords.F_WEEKDAY)) == 0
                && (s.fl2[k] & PhiWords.G_DEPARTMENT) == 0;
    }

    /** Words after "baby", "little", "big" that some name list has but that are no names there. */
    private static final Set<String> NOT_AFTER_BABY = Set.of("boy", "girl", "boys", "girls", "brother", "sister",
            "shower", "bump", "food", "steps", "blue", "pink", "monitor", "formula", "bottle", "clothes", "gear",
            "news", "daddy", "mama", "bro", "sis", "one", "ones", "guy", "man", "lady", "star", "angel", "bear");

    /**
     * Verbs, auxiliaries, adverbs and prepositions that some locale's name list also holds ("Just", "Will", "Even"):
     * after a kinship word in lower case they carry the sentence on, they do not name the relative.
     */
    private static final Set<String> WORDS_OF_THE_SENTENCE = Set.of("just", "will", "can", "may", "might", "must",
            "shall", "should", "would", "could", "has", "had", "have", "is", "was", "were", "are", "been", "being",
            "does", "did", "done", "do", "even", "very", "like", "of", "over", "said", "says", "went", "goes", "made",
            "makes", "loves", "loved", "ran", "runs", "read", "reads", "got", "gets", "still", "also", "only",
            "really", "finally", "never", "always", "now", "then", "so", "too", "not", "all", "both", "well",
            "already", "almost", "nearly", "ever", "once", "here", "there", "today", "again", "back", "turned",
            "turns", "hit", "passed", "lives", "lived", "came", "comes", "took", "gave", "left", "told", "asked",
            "sat", "sang", "won", "saw", "met", "kept", "felt", "and", "or", "but", "at", "in", "on", "to",
            "for", "with", "from", "by", "up", "out", "off", "down", "about", "after", "before", "since", "until");

    private static final Set<String> WEAK_KIN = Set.of("little", "big", "sweet", "dear", "beloved", "late", "named",
            "patient", "friend", "neighbor", "neighbour", "baby", "kid", "child", "lil");

    /** "from Maple Hollow", "in Cedar Falls": after a place word, capitals ending in a place suffix are a place. */
    private static boolean placeWithSuffix(TextScan s, int k) {
        if (k == 0 || !s.has(k - 1, PhiWords.F_PLACE_CUE) || !s.spaced(k - 1, k, 1) || s.sentenceInitial(k)) {
            return false;
        }
        for (int j = k + 1; j < s.count && j <= k + 2 && s.joined(j - 1, j) && s.isCap(j); j++) {
            if ((s.fl[j] & PhiWords.F_PSUFFIX) != 0 && s.role[j] == TextScan.NONE) {
                return !isLargePlace(s, k, j);
            }
        }
        return false;
    }

    /** Hyphenated words and particles count as English only if every part is ("Sign-on" is, "Ortiz-Blanco" not). */
    private static boolean isEnglish(TextScan s, int k) {
        if ((s.fl[k] & PhiWords.F_ENGLISH) != 0) {
            return true;
        }
        String w = s.low(k);
        int dash = w.indexOf('-');
        if (dash <= 0) {
            return false;
        }
        for (String part : w.split("-")) {
            int slot = s.vocab.slot(part);
            if (part.isEmpty() || slot < 0 || (s.vocab.flags(slot) & PhiWords.F_ENGLISH) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A lower-case name without a cue word, by shape: a hyphenated pair of dictionary names ("marie-claire"), or a
     * dictionary first name directly followed by a particle or another dictionary name ("ahmad bin yusuf"), or a
     * possessive first name ("nora's updates"), none of them an English word.
     */
    private static boolean lowerNameShape(TextScan s, int k) {
        int f = s.fl[k];
        if ((f & (PhiWords.F_ANY_ENGLISH | PhiWords.F_ENGLISH | PhiWords.F_NOT_NAME | PhiWords.F_KIN)) != 0
                || s.isCap(k) || s.length(k) < 3) {
            return false;
        }
        String w = s.low(k);
        int dash = w.indexOf('-');
        if (dash > 0) {
            String[] parts = w.split("-");
            return parts.length == 2 && dictName(s, parts[0]) && dictName(s, parts[1]);
        }
        if ((f & PhiWords.F_FIRST) == 0) {
            return false;
        }
        if (s.te[k] + 1 < s.n && (s.buf[s.te[k]] == '\'' || s.buf[s.te[k]] == '\u2019') && s.buf[s.te[k] + 1] == 's') {
            return true;
        }
        int j = k + 1;
        if (j < s.count && s.joined(k, j) && !s.isCap(j) && (s.fl[j] & PhiWords.F_PARTICLE) != 0) {
            j++;
        }
        return j < s.count && s.joined(j - 1, j) && !s.isCap(j) && (s.fl[j] & PhiWords.F_NAME) != 0
                && (s.fl[j] & (PhiWords.F_ANY_ENGLISH | PhiWords.F_ENGLISH | PhiWords.F_NOT_NAME)) == 0;
    }

    private static boolean dictName(TextScan s, String w) {
        int slot = s.vocab.slot(w);
        if (slot < 0) {
            return false;
        }
        int f = s.vocab.flags(slot);
        return (f & PhiWords.F_NAME) != 0 && (f & PhiWords.F_ENGLISH) == 0;
    }

    /** Context that makes token k a name even in lower case. */
    private static boolean strongCue(TextScan s, int k, boolean cap) {
        int f = s.fl[k];
        if ((f & PhiWords.F_NOT_NAME) != 0 && !cap) {
            return false;
        }
        int p = k - 1;
        boolean near = p >= 0 && s.ts[k] - s.te[p] <= 3;
        if (near) {
            int pf = s.fl[p];
            if ((pf & (PhiWords.F_KIN | PhiWords.F_PTITLE)) != 0) {
                // "patient parking" is not a name; "Patient Colleen Abernathy" is; "baby boy" neither
                if ((f & PhiWords.F_NOT_NAME) != 0) {
                    return false;
                }
                if (cap) {
                    return true;
                }
                if (WORDS_OF_THE_SENTENCE.contains(s.low(k))) {
                    return false; // "my great-grandma just turned 102", "my mom will be home": no "Just", no "Will"
                }
                if (WEAK_KIN.contains(s.low(p))) {
                    // "baby luna" but not "baby boy": after a weak cue a word is a name only if it is a first name
                    return (f & PhiWords.F_ENGLISH) == 0 && ((f & PhiWords.F_ANY_ENGLISH) == 0
                            || (f & PhiWords.F_FIRST) != 0 && !NOT_AFTER_BABY.contains(s.low(k)));
                }
                return !s.is(p, "patient") && ((f & PhiWords.F_ENGLISH) == 0 || (f & PhiWords.F_NAME) != 0);
            }
            if ((s.fl2[p] & PhiWords.G_ADDRESS_VERB) != 0 && !cap && (f & PhiWords.F_FIRST) != 0
                    && (f & (PhiWords.F_ENGLISH | PhiWords.F_ANY_ENGLISH)) == 0) {
                return true; // "can someone tell priyanka", "please text marisol"
            }
            if ((pf & PhiWords.W_IS) != 0 && p > 0 && ((s.fl[p - 1] & PhiWords.W_NAME) != 0 || s.is(p - 1, "this"))) {
                return true; // "my name is X", "this is X"
            }
            if ((pf & PhiWords.F_GREET) != 0 && (f & PhiWords.F_NOT_NAME) == 0) {
                return true;
            }
            if ((s.fl2[p] & PhiWords.G_INTRO) != 0 && (s.is(p, "i'm") || s.is(p, "im") || s.is(p, "i’m"))) {
                return true;
            }
            if (s.is(p, "am") && p > 0 && s.is(p - 1, "i")) {
                return true;
            }
            if ((s.is(p, "for") && p > 0 && (s.fl2[p - 1] & PhiWords.G_PRAY) != 0)
                    || (s.is(p, "to") && p > 0 && ((s.fl[p - 1] & PhiWords.F_GREET) != 0 || s.is(p - 1, "thanks")
                    || s.is(p - 1, "shoutout")) && !s.is(p - 1, "welcome") && !s.is(p - 1, "home"))) {
                return true; // "praying for lakshmi", "congrats to X", "thanks to X"
            }
            if ((s.is(p, "you") || s.is(p, "u")) && p > 0 && s.is(p - 1, "thank") && (f & PhiWords.F_NOT_NAME) == 0) {
                return true; // "thank you, X"
            }
        }
        if (cap && s.te[k] + 1 < s.n && (s.buf[s.te[k]] == '\'' || s.buf[s.te[k]] == '\u2019')
                && s.buf[s.te[k] + 1] == 's' && (f & PhiWords.F_ENGLISH) == 0) {
            return true; // "Amara's billing account": a possessive capital is a person or place
        }
        int nx = k + 1;
        if (nx < s.count) {
            if ((s.fl2[nx] & PhiWords.G_FAMILY) != 0 && s.spaced(k, nx, 1) && (f & PhiWords.F_ENGLISH) == 0
                    && (s.is(k - 1, "the") || s.is(k - 1, "whole") || k == 0 || cap)) {
                return true; // "the Whitehorse family", "the whole venkataraman family"
            }
            if (possessiveBefore(s, k, nx) && (f & PhiWords.F_ENGLISH) == 0) {
                return true; // "maya's surgery", "X's mom here"
            }
        }
        if (dashSigned(s, k) || vocative(s, k)) {
            return true;
        }
        if (nx + 1 < s.count && (s.is(nx, "and") || s.charAfter(k) == '&' || s.is(nx, "&")) && s.spaced(k, nx, 2)
                && (s.is(nx + 1, "i") || s.is(nx + 1, "me")) && (f & PhiWords.F_ENGLISH) == 0) {
            return true; // "jamal and i want to say thanks"
        }
        if (k > 1 && s.is(k - 1, "and") && s.is(k - 2, "me") && (f & PhiWords.F_ENGLISH) == 0) {
            return true; // "me and kenzie"
        }
        // "marco here, ...", "Chen Jing here!", "Wanjiru Kamau here from Esterbrook": a signature at a message's start
        boolean here = nx < s.count && s.has(nx, PhiWords.W_HERE) && s.spaced(k, nx, 1) && (nx == s.count - 1
                || nx + 1 < s.count && s.has(nx + 1, PhiWords.W_FROM) || ",!.".indexOf(s.charAfter(nx)) >= 0);
        if (!here) {
            return false;
        }
        int start = k;
        while (start > 0 && start > k - 3 && s.joined(start - 1, start) && s.isCap(start - 1) == cap
                && (s.fl[start - 1] & (PhiWords.F_GREET | PhiWords.F_NOT_NAME)) == 0) {
            start--;
        }
        return s.sentenceInitial(start) || start > 0 && (s.has(start - 1, PhiWords.F_GREET)
                || s.ts[start] >= 2 && s.buf[s.ts[start] - 2] == ',' && s.buf[s.ts[start] - 1] == ' ');
    }

    /**
     * A name addressed after thanks or a greeting: "thank you so much, ottilie!", "congrats again, Dev." (one word
     * between a comma and the end of the clause).
     */
    private static boolean vocative(TextScan s, int k) {
        int t = s.ts[k];
        if (t < 2 || s.buf[t - 1] != ' ' || s.buf[t - 2] != ',' || ".!?,".indexOf(s.charAfter(k)) < 0
                && k + 1 < s.count) {
            return false;
        }
        for (int j = k - 1; j >= 0 && j >= k - 5; j--) {
            if (j < k - 1 && ".!?\n".indexOf(s.buf[s.te[j]]) >= 0) {
                return false;
            }
            if ((s.fl[j] & PhiWords.F_GREET) != 0 || s.is(j, "thank") || s.is(j, "thanks")) {
                return true;
            }
        }
        return false;
    }

    /** "X's" followed by a kinship word, a life event or "family". */
    private static boolean possessiveBefore(TextScan s, int k, int nx) {
        int e = s.te[k];
        return e + 2 < s.n && (s.buf[e] == '\'' || s.buf[e] == '\u2019') && s.buf[e + 1] == 's'
                && s.ts[nx] == e + 3 && ((s.fl[nx] & PhiWords.F_KIN) != 0
                || (s.fl2[nx] & (PhiWords.G_LIFE_EVENT | PhiWords.G_FAMILY)) != 0);
    }

    /**
     * A place after a move: "drove 3 hours from Ten Sleep", "headed home to Tuckahoe", "lives out past Vickery". Here
     * capitals mark a place even when they are English words.
     */
    private static boolean placeAfterMove(TextScan s, int k) {
        if (k < 2 || !s.isCap(k) || !s.has(k - 1, PhiWords.F_PLACE_CUE) || !s.spaced(k - 1, k, 1)
                || s.isAllUpper(k) || (s.fl[k] & (PhiWords.F_STAFF | PhiWords.F_PTITLE | PhiWords.F_ORG_HEAD)) != 0
                || s.sentenceInitial(k)) {
            return false;
        }
        for (int j = k - 2; j >= 0 && j >= k - 4; j--) {
            if (".!?\n".indexOf(s.buf[s.te[j]]) >= 0) {
                return false;
            }
            if ((s.fl2[j] & PhiWords.G_MOVE) != 0) {
                return !isLargePlace(s, k, k) && (s.fl2[k] & (PhiWords.G_DEPARTMENT | PhiWords.G_ORG_WORD)) == 0;
            }
        }
        return false;
    }

    /** The place after "here from" or a move: up to three words, to the next punctuation. */
    private static void markPlaceRun(TextScan s, int k, boolean capsOnly) {
        int j = k;
        while (j < s.count && j < k + 3 && (j == k || s.joined(j - 1, j)) && !s.hasDigit(j)
                && s.role[j] == TextScan.NONE && (!capsOnly || s.isCap(j))) {
            j++;
            if (j < s.count && s.te[j - 1] < s.n && ",.!?;".indexOf(s.buf[s.te[j - 1]]) >= 0) {
                break;
            }
        }
        if (j > k && isLargePlace(s, k, j - 1)) {
            return;
        }
        for (int i = k; i < j; i++) {
            s.role[i] = TextScan.GEO;
        }
    }

    /** Grows the name or place at token k into its run and emits it; returns the run's last token. */
    private static int grow(TextScan s, int k) {
        int[] fl = s.fl;
        byte kind = s.role[k];
        boolean lower = !s.isCap(k);
        int a = k;
        boolean prefixed = false;
        // place prefixes: "Port Ansel", "Fort Kessling", "Lake Geneva"
        while (a > 0 && s.role[a - 1] == TextScan.NONE && s.joined(a - 1, a) && s.isCap(a - 1)
                && (fl[a - 1] & PhiWords.F_PPREFIX) != 0 && (!s.sentenceStartBefore(a - 1) || a == k)) {
            a--;
            prefixed = true;
        }
        // particles before a capitalised surname: "Ms. de la Garza", "update on van Dijk", "the Dela Cruz family"
        while (a == k && kind == TextScan.NAME && !lower && a > 0 && s.role[a - 1] == TextScan.NONE
                && s.joined(a - 1, a) && (fl[a - 1] & PhiWords.F_PARTICLE) != 0 && s.length(a - 1) >= 2) {
            a--;
            k = a; // the particles join the name; keep looking left of them
        }
        // a first name that is also a word, before a surname: "Amara Mahmoud", "Grace Okafor"
        if (a > 0 && kind == TextScan.NAME && !lower && s.role[a - 1] == TextScan.NONE && s.joined(a - 1, a)
                && s.isCap(a - 1) && !s.isAllUpper(a - 1) && s.isCap(a)
                && ((fl[a - 1] & PhiWords.F_FIRST) != 0 || (fl[a - 1] & PhiWords.F_ENGLISH) == 0)
                && (fl[a - 1] & (PhiWords.F_NOT_NAME | PhiWords.F_GREET | PhiWords.F_MONTH | PhiWords.F_WEEKDAY
                | PhiWords.F_STAFF | PhiWords.F_PTITLE | PhiWords.F_PPREFIX | PhiWords.F_KIN)) == 0
                && (s.fl2[a - 1] & PhiWords.G_DEPARTMENT) == 0) {
            a--;
        }
        int b = k;
        while (b + 1 < s.count && s.joined(b, b + 1)) {
            int nx = b + 1;
            byte r = s.role[nx];
            if (r == TextScan.NAME || r == TextScan.GEO) {
                b++;
            } else if (r != TextScan.NONE || s.hasDigit(nx)) {
                break;
            } else if (kind == TextScan.NAME && !lower && s.isCap(nx) && !s.isAllUpper(nx)
                    && ((fl[nx] & PhiWords.F_NAME) != 0 || (fl[nx] & (PhiWords.F_ENGLISH | PhiWords.F_ANY_ENGLISH)) == 0)
                    && (fl[nx] & (PhiWords.F_MONTH | PhiWords.F_WEEKDAY | PhiWords.F_ORG_HEAD)) == 0
                    && (s.fl2[nx] & PhiWords.G_DEPARTMENT) == 0) {
                b++;
            } else if (!lower && s.isCap(nx) && (fl[nx] & PhiWords.F_PSUFFIX) != 0) {
                b++;
            } else if ((fl[nx] & PhiWords.F_PARTICLE) != 0 && particleThenName(s, nx)) {
                b = lastOfParticles(s, nx);
            } else if (lower && kind == TextScan.NAME && !s.isCap(nx) && lowerNamePart(s, nx)) {
                b++;
            } else {
                break;
            }
        }
        boolean place = kind == TextScan.GEO || prefixed || (fl[b] & PhiWords.F_PSUFFIX) != 0 && !lower && b > a;
        for (int i = a; i <= b; i++) {
            s.role[i] = TextScan.DONE;
        }
        s.emit(s.ts[a], s.te[b], place ? PhiType.GEO : PhiType.NAME);
        return b;
    }

    /** Particles ("de la", "van der", "bin") followed by a name: "Guadalupe de la Garza", "ahmad bin yusuf". */
    private static boolean particleThenName(TextScan s, int j) {
        int i = j;
        while (i < s.count && (s.fl[i] & PhiWords.F_PARTICLE) != 0 && i < j + 3) {
            if (i > j && !s.joined(i - 1, i)) {
                return false;
            }
            i++;
        }
        return i < s.count && i > j && s.joined(i - 1, i) && s.role[i] != TextScan.STAFF && s.role[i] != TextScan.ORG
                && !s.hasDigit(i) && (s.isCap(i) ? !isEnglish(s, i) || (s.fl[i] & PhiWords.F_NAME) != 0
                : lowerNamePart(s, i));
    }

    private static int lastOfParticles(TextScan s, int j) {
        int i = j;
        while (i < s.count && (s.fl[i] & PhiWords.F_PARTICLE) != 0) {
            i++;
        }
        return i;
    }

    /** A lower-case word that continues a lower-case name: a dictionary name or an unknown word, no chat word. */
    private static boolean lowerNamePart(TextScan s, int j) {
        int f = s.fl[j];
        if (s.hasDigit(j) || s.length(j) < 2 || (f & (PhiWords.F_NOT_NAME | PhiWords.F_KIN | PhiWords.F_ENGLISH
                | PhiWords.F_GREET | PhiWords.F_LABEL_FILLER)) != 0 || CHAT_WORDS.contains(s.low(j))) {
            return false;
        }
        return (f & PhiWords.F_NAME) != 0 || (f & PhiWords.F_ANY_ENGLISH) == 0 || s.hasNonAscii(j);
    }

    private static boolean dashSigned(TextScan s, int k) {
        int t = s.ts[k];
        if (t < 2 || s.buf[t - 1] != ' ') {
            return false;
        }
        char d = s.buf[t - 2];
        return d == '-' || d == '\u2014' || d == '\u2013';
    }

    /** "-Carmen Chen" at the end of a reply: a staff signature (dash glued to the name). */
    private static boolean signatureDash(TextScan s, int k) {
        int t = s.ts[k];
        if (t < 1 || s.buf[t - 1] != '-' || !s.isCap(k)) {
            return false;
        }
        return t < 2 || Character.isWhitespace(s.buf[t - 2]);
    }

    /** "#TeamWilhelmina": flag the camel-case parts that are names, not the hashtag. */
    private static void hashtag(TextScan s, int k, PhiLexicon lex) {
        s.role[k] = TextScan.DONE;
        int e = s.te[k];
        int p = s.ts[k];
        while (p < e) {
            int q = p + 1;
            while (q < e && !Character.isUpperCase(s.buf[q]) && Character.isLetter(s.buf[q])) {
                q++;
            }
            if (q - p >= 3 && Character.isUpperCase(s.buf[p])) {
                String part = s.text.substring(p, q).toLowerCase(Locale.ROOT);
                if (!lex.isAnyEnglish(part) && !HASHTAG_WORDS.contains(part)
                        && !PhiWords.DEPARTMENT_WORDS.contains(part)) {
                    s.emit(p, q, PhiType.NAME);
                }
            }
            p = q;
        }
    }

    /** "@jenna.kowalczyk": a person's handle (unless it is the organisation's own). */
    private static void handle(TextScan s, int k) {
        int a = s.ts[k];
        int e = a;
        while (e < s.n && (Character.isLetterOrDigit(s.buf[e]) || s.buf[e] == '_'
                || (s.buf[e] == '.' && e + 1 < s.n && Character.isLetterOrDigit(s.buf[e + 1])))) {
            e++;
        }
        s.take(a, e);
        if (e - a >= 3 && !s.directory.isOrgHandle(s.text.substring(a, e).replace(".", "").replace("_", ""))) {
            s.emit(a, e, PhiType.NAME);
        }
    }
}
