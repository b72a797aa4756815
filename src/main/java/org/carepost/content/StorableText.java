package org.carepost.content;

/**
 * Text our databases can store exactly as received. PostgreSQL refuses U+0000 in text columns (the insert failed with
 * a 500), and an unpaired UTF-16 surrogate is silently written as '?', so the stored text would differ from what was
 * sent. Both are refused at the edge instead.
 */
public final class StorableText {

    public static final String PROBLEM = "contains a character that cannot be stored (NUL or an unpaired surrogate)";

    private StorableText() {
    }

    public static boolean isStorable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
