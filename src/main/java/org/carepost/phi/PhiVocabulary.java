package org.carepost.phi;

import java.util.Arrays;
import java.util.Collection;

/**
 * Every word the detector knows (dictionary names, English words, cue words), each with a set of
 * flag bits: one probe per token answers all word-list questions at once. Lookups read the token's
 * characters straight from the text (ASCII lower-cased on the fly), so a known word costs no
 * allocation. Layout for few memory accesses per probe: one long per slot (hash and flags), the
 * words' characters packed in one char pool. Immutable once the detector is built.
 */
final class PhiVocabulary {

    /** Per slot: hash (high 32 bits) and flags (low 32 bits); 0 = empty (flags of a word are never 0 here). */
    private long[] entries;
    /** Per slot: offset into the pool (high 24 bits) and length (low 8 bits). */
    private int[] where;
    private String[] keys;
    /** Per slot: a second set of flag bits (the first word is full). */
    private int[] more;
    private char[] pool = new char[1 << 16];
    private int poolSize;
    private int size;
    private int mask;

    PhiVocabulary(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        alloc(cap);
    }

    private void alloc(int cap) {
        entries = new long[cap];
        where = new int[cap];
        keys = new String[cap];
        more = new int[cap];
        mask = cap - 1;
    }

    void addAll(Collection<String> words, int flag) {
        for (String w : words) {
            add(w, flag);
        }
    }

    /** Adds a lower-case word with flag bits (a word added with 0 gets a marker bit so the slot is used). */
    void add(String word, int flag) {
        if (word.length() > 255) {
            return;
        }
        int f = flag == 0 ? KNOWN : flag | KNOWN;
        int i = slot(word);
        if (i >= 0) {
            entries[i] |= f & 0xFFFFFFFFL;
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        put(word, f);
    }

    /** Adds a lower-case word with bits of the second flag set. */
    void addMore(String word, int flag2) {
        add(word, 0);
        more[slot(word)] |= flag2;
    }

    void addAllMore(Collection<String> words, int flag2) {
        for (String w : words) {
            addMore(w, flag2);
        }
    }

    /** Bit set for every word present, so that an entry is never 0. */
    static final int KNOWN = 1 << 31;

    private void put(String word, int f) {
        int h = word.hashCode();
        int i = spread(h) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        if (poolSize + word.length() > pool.length) {
            pool = Arrays.copyOf(pool, pool.length * 2);
        }
        word.getChars(0, word.length(), pool, poolSize);
        where[i] = (poolSize << 8) | word.length();
        poolSize += word.length();
        keys[i] = word;
        entries[i] = ((long) h << 32) | (f & 0xFFFFFFFFL);
        size++;
    }

    private void grow() {
        String[] oldKeys = keys;
        long[] oldEntries = entries;
        int[] oldMore = more;
        alloc(oldKeys.length * 2);
        size = 0;
        poolSize = 0;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                put(oldKeys[j], (int) oldEntries[j]);
                more[slot(oldKeys[j])] = oldMore[j];
            }
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** Slot of the word, or -1. */
    int slot(String word) {
        int i = spread(word.hashCode()) & mask;
        String k;
        while ((k = keys[i]) != null) {
            if (k.equals(word)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /** Slot of the ASCII region buf[s, e) whose lower-cased String hash is h, or -1. */
    int slot(char[] buf, int s, int e, int h) {
        int len = e - s;
        int i = spread(h) & mask;
        long en;
        while ((en = entries[i]) != 0) {
            if ((int) (en >>> 32) == h) {
                int w = where[i];
                if ((w & 0xFF) == len && sameLower(pool, w >>> 8, buf, s, len)) {
                    return i;
                }
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private static boolean sameLower(char[] pool, int off, char[] buf, int s, int len) {
        for (int j = 0; j < len; j++) {
            char c = buf[s + j];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (pool[off + j] != c) {
                return false;
            }
        }
        return true;
    }

    String word(int slot) {
        return keys[slot];
    }

    int flags(int slot) {
        return (int) entries[slot] & ~KNOWN;
    }

    int moreFlags(int slot) {
        return more[slot];
    }

    int size() {
        return size;
    }

    @Override
    public String toString() {
        return "PhiVocabulary[" + size + " words]";
    }
}
