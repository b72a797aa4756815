package org.carepost.phi;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contact and network identifiers: e-mail addresses, URLs, IP addresses (v4 and v6), phone and fax numbers. These are
 * structured: a context rule never drops one. Only the organisation directory does (the hospital's own numbers,
 * e-mail domains and websites), and a few shapes that are never personal (toll-free numbers, .gov/.mil sites).
 */
final class ContactIdRules {

    static final Pattern IPV4 = Pattern.compile(
            "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}(?![\\d.]*\\d)");
    /** North American numbers: "(608) 555-0143", "608.555.0143", "+1 608 555 0143", "6085550143". */
    static final Pattern PHONE = Pattern.compile(
            "(?:\\+?1[-. ]?)?(?:\\(\\d{3}\\)[ ]?|\\d{3}[-. ]?)\\d{3}[-. ]?\\d{4}(?!\\d)");
    /** Other countries, written with their + prefix: "+44 20 7946 0958". */
    static final Pattern INTERNATIONAL = Pattern.compile("\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,4}\\)?){2,5}(?![\\d])");
    private static final Set<String> TLDS = Set.of("com", "org", "net", "edu", "gov", "io", "co", "us", "info", "me",
            "health", "care", "ly", "site", "blog", "page", "app", "online", "biz", "ca", "uk", "fund", "tv", "ai",
            "link", "life", "family", "church", "social", "world", "xyz", "gg", "to", "be", "de", "fr", "mx", "in");
    private static final Set<String> TOLL_FREE = Set.of("800", "833", "844", "855", "866", "877", "888");

    private ContactIdRules() {
    }

    static void scan(TextScan s) {
        emails(s);
        urls(s);
        ipv6(s);
        numbers(s);
    }

    // ---------------------------------------------------------------- e-mail
    static void emails(TextScan s) {
        String text = s.text;
        int at = text.indexOf('@');
        while (at >= 0) {
            int l = at;
            while (l > 0 && isEmailLocal(s.buf[l - 1])) {
                l--;
            }
            int r = at + 1;
            while (r < s.n && isDomainChar(s.buf[r])) {
                r++;
            }
            while (r > at + 1 && (s.buf[r - 1] == '.' || s.buf[r - 1] == '-')) {
                r--;
            }
            if (l < at && text.lastIndexOf('.', r - 1) > at + 1 && (l == 0 || s.buf[l - 1] != '/')) {
                if (s.directory.isOrgEmailDomain(text.substring(at + 1, r))) {
                    s.take(l, r);
                } else {
                    s.identifier(l, r, PhiType.EMAIL);
                }
            }
            at = text.indexOf('@', Math.max(r, at + 1));
        }
    }

    // ---------------------------------------------------------------- URL
    /**
     * Whitespace-delimited chunks that start with a scheme or www, or look like host.tld[/path]. Every URL has a dot
     * followed by a non-space, so only the chunks around such dots are examined: prose costs one indexOf per sentence.
     */
    static void urls(TextScan s) {
        char[] b = s.buf;
        int done = 0;
        int p = s.text.indexOf('.');
        while (p >= 0) {
            if (p >= done && p + 1 < s.n && !TextScan.isWhitespace(b[p + 1])) {
                int a = p;
                while (a > 0 && !TextScan.isWhitespace(b[a - 1])) {
                    a--;
                }
                int e = p + 1;
                while (e < s.n && !TextScan.isWhitespace(b[e])) {
                    e++;
                }
                if (e - a >= 6) {
                    urlChunk(s, a, e);
                }
                done = e;
            }
            p = s.text.indexOf('.', Math.max(p + 1, done));
        }
    }

    private static void urlChunk(TextScan s, int a, int e) {
        while (a < e && "([{<\"'".indexOf(s.buf[a]) >= 0) {
            a++;
        }
        while (e > a && ".,;:!?)]}>\"'".indexOf(s.buf[e - 1]) >= 0) {
            e--;
        }
        if (e - a < 6 || indexIn(s, '.', a, e) < 0) {
            return;
        }
        int at = indexIn(s, '@', a, e);
        int slash = indexIn(s, '/', a, e);
        if (at >= 0 && (slash < 0 || at < slash)) {
            return; // an e-mail address, not a URL ("tiktok.com/@name" is a URL)
        }
        String text = s.text;
        boolean scheme = text.regionMatches(true, a, "http://", 0, 7) || text.regionMatches(true, a, "https://", 0, 8)
                || text.regionMatches(true, a, "www.", 0, 4);
        String host = host(s, a, e);
        if (host == null || (!scheme && !looksLikeHost(s, host))) {
            return;
        }
        if (s.directory.isOrgWebsite(host) || host.endsWith(".gov") || host.endsWith(".mil")) {
            s.take(a, e); // the hospital's own site, or a government one: never a person's
            return;
        }
        s.identifier(a, e, PhiType.URL);
    }

    /** The lower-cased host of the URL in [a, e): after any scheme, up to the first '/', '?', '#' or ':'. */
    private static String host(TextScan s, int a, int e) {
        int h = a;
        int schemeEnd = s.text.indexOf("://", a);
        if (schemeEnd >= 0 && schemeEnd < e) {
            h = schemeEnd + 3;
        }
        int end = h;
        while (end < e && "/?#:".indexOf(s.buf[end]) < 0) {
            end++;
        }
        return end > h ? s.lower(h, end) : null;
    }

    private static boolean looksLikeHost(TextScan s, String host) {
        int dot = host.lastIndexOf('.');
        if (dot <= 0 || dot >= host.length() - 1 || !TLDS.contains(host.substring(dot + 1))) {
            return false;
        }
        for (int k = 0; k < host.length(); k++) {
            char c = host.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** indexOf bounded to [a, e): an unbounded indexOf per word would make the scan quadratic. */
    private static int indexIn(TextScan s, char c, int a, int e) {
        for (int i = a; i < e; i++) {
            if (s.buf[i] == c) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- IPv6
    /** "2001:db8:4f2a::17": hex groups and colons, with "::" or all eight groups. Times ("3:14") have one colon. */
    static void ipv6(TextScan s) {
        int p = s.text.indexOf(':');
        int done = 0;
        while (p >= 0) {
            if (p >= done) {
                int a = p;
                while (a > 0 && isHexOrColon(s.buf[a - 1])) {
                    a--;
                }
                int e = p;
                while (e < s.n && (isHexOrColon(s.buf[e]) || (s.buf[e] == '.' && e + 1 < s.n
                        && TextScan.isAsciiDigit(s.buf[e + 1])))) {
                    e++;
                }
                while (e > a && s.buf[e - 1] == ':' && !(e - 2 >= a && s.buf[e - 2] == ':')) {
                    e--;
                }
                if (isIpv6(s, a, e)) {
                    s.identifier(a, e, PhiType.IP);
                }
                done = e + 1;
            }
            p = s.text.indexOf(':', Math.max(p + 1, done));
        }
    }

    private static boolean isIpv6(TextScan s, int a, int e) {
        if (e - a < 6 || (a > 0 && Character.isLetterOrDigit(s.buf[a - 1]))) {
            return false;
        }
        int colons = 0;
        int group = 0;
        int groups = 0;
        boolean doubleColon = false;
        boolean digit = false;
        for (int i = a; i < e; i++) {
            char c = s.buf[i];
            if (c == ':') {
                colons++;
                if (i + 1 < e && s.buf[i + 1] == ':') {
                    doubleColon = true;
                }
                group = 0;
            } else if (c != '.') {
                if (group == 0) {
                    groups++;
                }
                if (++group > 4) {
                    return false;
                }
                digit |= TextScan.isAsciiDigit(c);
            }
        }
        return digit && groups >= 3 && (colons == 7 || (doubleColon && colons >= 2 && colons <= 7));
    }

    private static boolean isHexOrColon(char c) {
        return c == ':' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    // ---------------------------------------------------------------- IPv4, phone, fax
    /** Number-shaped identifiers at the tokens that start with a digit (or just after "(" / "+"). */
    static void numbers(TextScan s) {
        for (int k = 0; k < s.count; k++) {
            if (s.taken(k) || !s.hasDigit(k)) {
                continue;
            }
            int t = s.ts[k];
            if (!TextScan.isAsciiDigit(s.buf[t])) {
                continue;
            }
            int from = t;
            if (t > 0 && (s.buf[t - 1] == '(' || s.buf[t - 1] == '+')) {
                from = t - 1;
                if (from > 0 && s.buf[from] == '(' && s.buf[from - 1] == '+') {
                    from--;
                }
            }
            if (!numberAt(s, k, from) && from != t) {
                numberAt(s, k, t);
            }
        }
    }

    private static boolean numberAt(TextScan s, int k, int from) {
        int t = s.ts[k];
        int run = s.digitRun(k);
        char next = s.afterDigitRun(k, run);
        Matcher mt;
        if (from == t && run <= 3 && next == '.' && (mt = s.m(IPV4, 0, from)).lookingAt()) {
            s.identifier(from, mt.end(), PhiType.IP);
            return true;
        }
        if ((from != t || phoneRun(run)) && phoneDigits(s, from, 10) && (mt = s.m(PHONE, 1, from)).lookingAt()) {
            phone(s, from, mt.end());
            return true;
        }
        if (from < t && s.buf[from] == '+' && phoneDigits(s, from, 8) && (mt = s.m(INTERNATIONAL, 2, from, 24))
                .lookingAt() && digits(s, from, mt.end()) >= 8) {
            phone(s, from, mt.end());
            return true;
        }
        return false;
    }

    private static void phone(TextScan s, int from, int end) {
        String digits = digitsOf(s, from, end);
        String national = digits.length() > 10 && digits.charAt(0) == '1' ? digits.substring(1) : digits;
        if (s.directory.isOrgPhone(digits) || (national.length() == 10 && TOLL_FREE.contains(national.substring(0, 3)))) {
            s.take(from, end); // the hospital's own number, or a toll-free one: never a patient's
            return;
        }
        PhiType labelled = NumberDateRules.labelledTypeBefore(s, from);
        PhiType type = labelled != null && labelled != PhiType.OTHER_ID ? labelled
                : faxContext(s, from, end) ? PhiType.FAX : PhiType.PHONE;
        s.identifier(from, end, type);
    }

    /** "fax" shortly before the number ("fax it to", "by fax at"), or right after it ("(fax)"). */
    private static boolean faxContext(TextScan s, int from, int end) {
        String before = s.lower(Math.max(0, from - 60), from);
        int cut = Math.max(before.lastIndexOf(". "), Math.max(before.lastIndexOf("? "), before.lastIndexOf("! ")));
        if (before.indexOf("fax", cut + 1) >= 0) {
            return true;
        }
        return s.lower(end, Math.min(s.n, end + 8)).contains("fax");
    }

    /**
     * PHONE needs 10 digits within its longest form, "+1-(555) 555-0123" (17 chars): most numbers fail this count and
     * never reach the regex.
     */
    private static boolean phoneDigits(TextScan s, int from, int needed) {
        int digits = 0;
        for (int i = from, end = Math.min(s.n, from + 20); i < end; i++) {
            if (TextScan.isAsciiDigit(s.buf[i]) && ++digits == needed) {
                return true;
            }
        }
        return false;
    }

    /** Lengths of the first digit run of a phone number: [1][ddd][ddd]dddd with optional separators. */
    private static boolean phoneRun(int run) {
        return run == 1 || run == 3 || run == 4 || run == 6 || run == 7 || run == 10 || run == 11;
    }

    private static int digits(TextScan s, int a, int e) {
        int d = 0;
        for (int i = a; i < e; i++) {
            if (TextScan.isAsciiDigit(s.buf[i])) {
                d++;
            }
        }
        return d;
    }

    static String digitsOf(TextScan s, int a, int e) {
        StringBuilder d = new StringBuilder(16);
        for (int i = a; i < e; i++) {
            if (TextScan.isAsciiDigit(s.buf[i])) {
                d.append(s.buf[i]);
            }
        }
        return d.toString();
    }

    private static boolean isEmailLocal(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

}
