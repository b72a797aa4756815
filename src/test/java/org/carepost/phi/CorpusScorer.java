package org.carepost.phi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The metrics of shared/phi-corpus/score.py, in Java, with the same printed lines. */
final class CorpusScorer {

    record Gold(int start, int end, String type) {
    }

    record Doc(String id, String text, List<Gold> phi, List<Gold> nonPhi) {
    }

    final Map<String, int[]> perType = new TreeMap<>(); // type -> {gold, caught}
    final Map<String, int[]> nonPhi = new TreeMap<>();  // type -> {count, fp}
    final List<String> leaks = new ArrayList<>();
    long predChars;
    long predInGold;
    int cleanDocs;
    int cleanFlagged;
    int docs;

    static List<Doc> load(String resource) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Doc> out = new ArrayList<>();
        try (InputStream in = CorpusScorer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                out.add(new Doc(n.get("id").asText(), n.get("text").asText(), spans(n.get("phi")), spans(n.get("non_phi"))));
            }
        }
        return out;
    }

    private static List<Gold> spans(JsonNode arr) {
        List<Gold> out = new ArrayList<>();
        if (arr != null) {
            for (JsonNode s : arr) {
                out.add(new Gold(s.get("start").asInt(), s.get("end").asInt(), s.get("type").asText()));
            }
        }
        return out;
    }

    void add(Doc doc, List<PhiSpan> pred) {
        docs++;
        // score.py counts code points; a surrogate pair is one character there
        String t = doc.text();
        boolean[] p = new boolean[t.length()];
        boolean[] g = new boolean[t.length()];
        for (PhiSpan s : pred) {
            for (int i = s.start(); i < s.end(); i++) {
                p[i] = true;
            }
        }
        for (Gold s : doc.phi()) {
            for (int i = s.start(); i < s.end(); i++) {
                g[i] = true;
            }
        }
        int nPred = 0;
        for (int i = 0; i < t.length(); i++) {
            if (Character.isLowSurrogate(t.charAt(i))) {
                continue;
            }
            if (p[i]) {
                nPred++;
                predChars++;
                if (g[i]) {
                    predInGold++;
                }
            }
        }
        if (doc.phi().isEmpty()) {
            cleanDocs++;
            if (nPred > 0) {
                cleanFlagged++;
            }
        }
        for (Gold s : doc.phi()) {
            int[] c = perType.computeIfAbsent(s.type(), k -> new int[2]);
            c[0]++;
            if (covered(t, p, s) >= 0.90 * cpLen(t, s)) {
                c[1]++;
            } else {
                leaks.add(doc.id() + "  " + s.type());
            }
        }
        for (Gold s : doc.nonPhi()) {
            int[] c = nonPhi.computeIfAbsent(s.type(), k -> new int[2]);
            c[0]++;
            if (covered(t, p, s) > 0.50 * cpLen(t, s)) {
                c[1]++;
            }
        }
    }

    private static int covered(String t, boolean[] p, Gold s) {
        int c = 0;
        for (int i = s.start(); i < s.end(); i++) {
            if (p[i] && !Character.isLowSurrogate(t.charAt(i))) {
                c++;
            }
        }
        return c;
    }

    private static int cpLen(String t, Gold s) {
        return t.codePointCount(s.start(), s.end());
    }

    int total() {
        return perType.values().stream().mapToInt(c -> c[0]).sum();
    }

    int caught() {
        return perType.values().stream().mapToInt(c -> c[1]).sum();
    }

    double recall() {
        return total() == 0 ? 1.0 : (double) caught() / total();
    }

    double recall(String type) {
        int[] c = perType.get(type);
        return (double) c[1] / c[0];
    }

    double precision() {
        return predChars == 0 ? 0.0 : (double) predInGold / predChars;
    }

    int fpNonPhi() {
        return nonPhi.values().stream().mapToInt(c -> c[1]).sum();
    }

    /** The report, line for line as score.py prints it (without the leak values: they are PHI-like). */
    String report() {
        return report(true);
    }

    /**
     * As {@link #report()}; without the list of leaked documents for a set that only measures (its misses are not
     * to be looked at one by one).
     */
    String report(boolean listLeaks) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "gold documents: %d  predicted documents: %d%n", docs, docs));
        b.append(String.format(Locale.ROOT, "%nper-type recall (caught = >= 90%% of characters covered, any predicted type)%n"));
        b.append(String.format(Locale.ROOT, "  %-14s%6s%8s%8s%n", "type", "gold", "caught", "recall"));
        perType.forEach((k, c) -> b.append(String.format(Locale.ROOT, "  %-14s%6d%8d%8.3f%n", k, c[0], c[1], (double) c[1] / c[0])));
        b.append(String.format(Locale.ROOT, "  %-14s%6d%8d%8.3f%n", "ALL", total(), caught(), recall()));
        b.append(String.format(Locale.ROOT, "%noverall recall: %.3f   leaks (gold PHI spans not caught): %d%n", recall(), leaks.size()));
        b.append(String.format(Locale.ROOT, "character precision: %.3f (%d of %d predicted characters inside gold PHI spans)%n",
                precision(), predInGold, predChars));
        int nonTotal = nonPhi.values().stream().mapToInt(c -> c[0]).sum();
        b.append(String.format(Locale.ROOT, "%nnon_phi false positives (> 50%% of characters covered): %d of %d%n", fpNonPhi(), nonTotal));
        nonPhi.forEach((k, c) -> b.append(String.format(Locale.ROOT, "  %-16s%5d / %d%n", k, c[1], c[0])));
        b.append(String.format(Locale.ROOT, "clean (no-PHI) documents with any prediction: %d of %d%n", cleanFlagged, cleanDocs));
        if (listLeaks && !leaks.isEmpty()) {
            b.append(String.format(Locale.ROOT, "%nleaks:%n"));
            leaks.forEach(l -> b.append("  ").append(l).append('\n'));
        }
        b.append(String.format(Locale.ROOT, "%nrecall=%.3f precision=%.3f leaks=%d fp_nonphi=%d%n",
                recall(), precision(), leaks.size(), fpNonPhi()));
        return b.toString();
    }
}
