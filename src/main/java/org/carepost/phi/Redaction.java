package org.carepost.phi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One field's text with chosen findings replaced by typed placeholders ({@code [NAME]}); overlapping findings merge
 * into one placeholder. {@link #moved} says where a finding that was not chosen lands in the new text.
 */
record Redaction(String text, List<int[]> ranges) {

    static Redaction of(String text, List<PhiFinding> chosen) {
        if (chosen.isEmpty()) {
            return new Redaction(text, List.of());
        }
        List<PhiFinding> sorted = new ArrayList<>(chosen);
        sorted.sort(Comparator.comparingInt(PhiFinding::getStart));
        StringBuilder out = new StringBuilder(text.length());
        List<int[]> ranges = new ArrayList<>(); // {start, end, length change}
        int pos = 0;
        for (PhiFinding f : sorted) {
            int s = Math.max(f.getStart(), pos);
            int e = Math.max(f.getEnd(), s);
            if (e <= pos) {
                continue; // inside the previous range
            }
            String placeholder = "[" + f.getType().name() + "]";
            out.append(text, pos, s).append(placeholder);
            ranges.add(new int[] {s, e, placeholder.length() - (e - s)});
            pos = e;
        }
        out.append(text, pos, text.length());
        return new Redaction(out.toString(), ranges);
    }

    /** The range [start, end) in the redacted text, or null when a redaction overlaps it (it went with it). */
    int[] moved(int start, int end) {
        int shift = 0;
        for (int[] r : ranges) {
            if (r[1] <= start) {
                shift += r[2];
            } else if (r[0] < end) {
                return null;
            }
        }
        return new int[] {start + shift, end + shift};
    }
}
