package org.carepost.phi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of one scan, shared by the identifier families' rules: the text, its tokens with their vocabulary flags,
 * the spans found so far, and which tokens a structured identifier already took. One per thread, reused between calls
 * (the detector itself is shared), so the arrays are allocated once.
 */
final class TextScan {

    // token roles for the name pass
    static final byte NONE = 0, NAME = 1, GEO = 2, STAFF = 3, ORG = 4, DONE = 5;

    final PhiVocabulary vocab;
    OrganizationDirectory directory = OrganizationDirectory.EMPTY;
    /** A title: capital letters are no evidence of a name there ("Heart Month Talk"). */
    boolean titleCase;

    String text;
    /** The text's characters (no bounds check per character as with String.charAt on UTF-16). */
    char[] buf = new char[4096];
    int n;
    // tokens: word = letters/digits with inner ' or -; end excludes a possessive 's
    int[] ts = new int[64];
    int[] te = new int[64];
    String[] tl = new String[64];
    int[] fl = new int[64];
    /** The second word of vocabulary flags (PhiWords.G_*). */
    int[] fl2 = new int[64];
    int[] tsl = new int[64];
    /** Hash of the token's lower-cased (accent-folded) text: String.hashCode of {@link #low(int)}. */
    int[] th = new int[64];
    int count;
    byte[] role = new byte[64];
    // collected spans (start,end,type ordinal)
    int[] sp = new int[48];
    int spn;
    private final Matcher[] matchers = new Matcher[32];
    private final String[] matcherText = new String[32];

    TextScan(PhiVocabulary vocab) {
        this.vocab = vocab;
    }

    void reset(String text) {
        this.text = text;
        this.n = text.length();
        if (buf.length < n) {
            buf = new char[Math.max(n, buf.length * 2)];
        }
        text.getChars(0, n, buf, 0);
        count = 0;
        spn = 0;
        tokenize();
    }

    // ---------------------------------------------------------------- tokenizer
    private void tokenize() {
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
                } else if ((d == '\'' || d == '\u2019' || d == '-') && i + 1 < n && isLetterOrDigit(buf[i + 1])) {
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
            Arrays.fill(role, 0, count, NONE);
        }
    }

    private void add(int s, int e) {
        if (count == ts.length) {
            ts = Arrays.copyOf(ts, count * 2);
            te = Arrays.copyOf(te, count * 2);
            tl = Arrays.copyOf(tl, count * 2);
            fl = Arrays.copyOf(fl, count * 2);
            fl2 = Arrays.copyOf(fl2, count * 2);
            tsl = Arrays.copyOf(tsl, count * 2);
            th = Arrays.copyOf(th, count * 2);
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
        th[count] = h;
        if (slot >= 0) {
            tl[count] = null; // the canonical word is fetched only if a rule asks (see low(k))
            tsl[count] = slot;
            fl[count] = vocab.flags(slot);
            fl2[count] = vocab.moreFlags(slot);
        } else {
            String low = slot == -2 ? PhiLexicon.fold(text.substring(s, e).toLowerCase(Locale.ROOT)) : null;
            int f = 0;
            int f2 = 0;
            if (slot == -2) {
                int sl = vocab.slot(low);
                if (sl >= 0) {
                    low = vocab.word(sl);
                    f = vocab.flags(sl);
                    f2 = vocab.moreFlags(sl);
                }
            }
            // an unknown ASCII word is lower-cased only if a rule asks for it (see low(k))
            tl[count] = slot == -2 ? low : null;
            if (slot == -2) {
                th[count] = low.hashCode();
            }
            tsl[count] = -1;
            fl[count] = f;
            fl2[count] = f2;
        }
        if (digit) {
            fl[count] |= PhiWords.S_DIGIT;
        }
        count++;
    }

    // A small direct-mapped cache of recent word lookups (this thread's): texts repeat their words,
    // and a probe here stays in the CPU cache where the large vocabulary table does not.
    private static final int CACHE = 8192, CACHE_WORD = 16;
    private final int[] cacheHash = new int[CACHE];
    private final byte[] cacheLen = new byte[CACHE];
    private final int[] cacheSlot = new int[CACHE];
    private final char[] cacheChars = new char[CACHE * CACHE_WORD];

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

    /** Token k is this lower-case word (compared without making a String of the token). */
    boolean is(int k, String lower) {
        if (k < 0 || k >= count || te[k] - ts[k] != lower.length()) {
            return false;
        }
        if (tsl[k] >= 0) {
            return vocab.word(tsl[k]).equals(lower);
        }
        if (tl[k] != null) {
            return tl[k].equals(lower);
        }
        for (int i = 0, p = ts[k]; i < lower.length(); i++, p++) {
            char c = buf[p];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean has(int k, int flags) {
        return k >= 0 && k < count && (fl[k] & flags) != 0;
    }

    boolean has2(int k, int flags2) {
        return k >= 0 && k < count && (fl2[k] & flags2) != 0;
    }

    // ---------------------------------------------------------------- spans
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

    /** Token k is inside a structured identifier (emitted or deliberately not) or an emitted name: rules skip it. */
    boolean taken(int k) {
        return role[k] == DONE;
    }

    /** Marks the tokens inside [s, e) as taken by a structured identifier. */
    void take(int s, int e) {
        int k = firstTokenEndingAfter(s);
        for (; k < count && ts[k] < e; k++) {
            role[k] = DONE;
        }
    }

    /** Emits and takes: a structured identifier. */
    void identifier(int s, int e, PhiType t) {
        emit(s, e, t);
        take(s, e);
    }

    int firstTokenEndingAfter(int pos) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (te[mid] > pos) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The token starting exactly at pos, or -1. */
    int tokenAt(int pos) {
        int k = firstTokenEndingAfter(pos);
        return k < count && ts[k] == pos ? k : -1;
    }

    /** Spans sorted by start; overlapping spans merged (the longer one's type wins). */
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

    // ---------------------------------------------------------------- regex at a position
    /** A reusable matcher of pattern p (cache slot), looking at a region of up to 90 chars from {@code from}. */
    Matcher m(Pattern p, int slot, int from) {
        return m(p, slot, from, 90);
    }

    Matcher m(Pattern p, int slot, int from, int len) {
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
        mt.region(from, Math.min(n, from + len));
        return mt;
    }

    // ---------------------------------------------------------------- token shape
    boolean hasDigit(int k) {
        return (fl[k] & PhiWords.S_DIGIT) != 0;
    }

    /** Length of the ASCII digit run at the start of token k. */
    int digitRun(int k) {
        int t = ts[k];
        int run = 0;
        while (t + run < n && isAsciiDigit(buf[t + run])) {
            run++;
        }
        return run;
    }

    /** The character after the digit run at the start of token k ('\0' at the end of the text). */
    char afterDigitRun(int k, int run) {
        return ts[k] + run < n ? buf[ts[k] + run] : '\0';
    }

    boolean isCap(int k) {
        char c = buf[ts[k]];
        return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    boolean isAllUpper(int k) {
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

    boolean isAllLetters(int k) {
        for (int i = ts[k]; i < te[k]; i++) {
            char c = buf[i];
            if (!Character.isLetter(c) && c != '-' && c != '\'' && c != '\u2019') {
                return false;
            }
        }
        return true;
    }

    /** A letter outside ASCII (ü, ł, é): names carry them, English words of our lists do not. */
    boolean hasNonAscii(int k) {
        for (int i = ts[k]; i < te[k]; i++) {
            if (buf[i] >= 128) {
                return true;
            }
        }
        return false;
    }

    int length(int k) {
        return te[k] - ts[k];
    }

    char charAfter(int k) {
        return te[k] < n ? buf[te[k]] : '\0';
    }

    char charBefore(int k) {
        return ts[k] > 0 ? buf[ts[k] - 1] : '\0';
    }

    /** Tokens a and b (= a + 1) are separated by one space, an abbreviation's dot and a space, or a ' and space. */
    boolean joined(int a, int b) {
        int gapStart = te[a];
        int gapEnd = ts[b];
        if (gapEnd - gapStart == 1) {
            return buf[gapStart] == ' ';
        }
        if (gapEnd - gapStart == 2 && buf[gapStart] == '.' && buf[gapStart + 1] == ' ') {
            return (fl[a] & PhiWords.F_ABBR_DOT) != 0;
        }
        return gapEnd - gapStart == 3 && (buf[gapStart] == '\'' || buf[gapStart] == '\u2019')
                && buf[gapStart + 2] == ' ';
    }

    /** Only spaces (at most {@code max} characters) between tokens a and b. */
    boolean spaced(int a, int b, int max) {
        int g = ts[b] - te[a];
        if (g < 1 || g > max) {
            return false;
        }
        for (int i = te[a]; i < ts[b]; i++) {
            if (buf[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Nothing but spaces, quotes, brackets or emoji between the token and a sentence end (or the text start). */
    boolean sentenceInitial(int k) {
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

    boolean sentenceStartBefore(int k) {
        return k == 0 || ".!?\n".indexOf(buf[Math.max(0, ts[k] - 2)]) >= 0;
    }

    /** Lower-cased window of up to len chars before pos, cut at the previous sentence end. */
    String before(int pos, int len) {
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
        return dot - a <= 4 && PhiWords.ABBREVIATIONS.contains(text.substring(a, dot).toLowerCase(Locale.ROOT));
    }

    /** Lower-cased text of [s, e). */
    String lower(int s, int e) {
        return text.substring(s, e).toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- characters
    static boolean isLetterOrDigit(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    static boolean isWhitespace(char c) {
        if (c < 128) {
            return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F);
        }
        return Character.isWhitespace(c);
    }

    /** Java regex \\s without UNICODE_CHARACTER_CLASS. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpperOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
