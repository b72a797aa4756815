package org.carepost.phi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns corpus documents written with inline markup into the JSON lines of shared/phi-corpus (Java String offsets),
 * so that offsets are exact by construction. A source file holds documents separated by lines {@code === <kind>};
 * in a document, {@code [[TYPE:value]]} marks PHI and {@code {{TYPE:value}}} a distractor. Ids are
 * {@code <prefix>-0001}... in file order.
 *
 * <p>Run: {@code java ... MarkupCorpus eval src/test/resources/phi-eval/eval.jsonl src/test/resources/phi-eval/*.txt}
 */
public final class MarkupCorpus {

    static final Set<String> PHI_TYPES = Set.of("NAME", "GEO", "DATE", "AGE_OVER_89", "PHONE", "FAX", "EMAIL", "SSN",
            "MRN", "HEALTH_PLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "URL", "IP", "BIOMETRIC", "OTHER_ID");
    static final Set<String> NON_PHI_TYPES = Set.of("STAFF_NAME", "ORG_NAME", "ORG_CONTACT", "YEAR", "AGE_UNDER_90",
            "DRUG", "CONDITION", "DEPARTMENT", "HASHTAG", "GENERIC_NUMBER", "EVENT_DATE");

    private static final ObjectMapper JSON = new ObjectMapper();

    private MarkupCorpus() {
    }

    public static void main(String[] args) throws IOException {
        List<String> sources = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            sources.add(Files.readString(Path.of(args[i]), StandardCharsets.UTF_8));
        }
        Files.writeString(Path.of(args[1]), jsonLines(args[0], sources), StandardCharsets.UTF_8);
    }

    /** The JSON lines of every document in the sources, in order. */
    static String jsonLines(String idPrefix, List<String> sources) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (String source : sources) {
            for (String[] doc : documents(source)) {
                out.append(toJson(String.format("%s-%04d", idPrefix, ++n), doc[0], doc[1])).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String[]> documents(String source) {
        List<String[]> docs = new ArrayList<>();
        String kind = null;
        StringBuilder text = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (kind != null) {
                    docs.add(new String[] {kind, text.toString().strip()});
                }
                kind = line.substring(4).strip();
                text.setLength(0);
            } else if (kind != null) {
                text.append(line).append('\n');
            }
        }
        if (kind != null) {
            docs.add(new String[] {kind, text.toString().strip()});
        }
        return docs;
    }

    private static String toJson(String id, String kind, String markup) {
        ObjectNode doc = JSON.createObjectNode();
        StringBuilder text = new StringBuilder();
        ArrayNode phi = JSON.createArrayNode();
        ArrayNode nonPhi = JSON.createArrayNode();
        int i = 0;
        while (i < markup.length()) {
            boolean isPhi = markup.startsWith("[[", i);
            if (isPhi || markup.startsWith("{{", i)) {
                String close = isPhi ? "]]" : "}}";
                int end = markup.indexOf(close, i);
                int colon = markup.indexOf(':', i);
                if (end < 0 || colon < 0 || colon > end) {
                    throw new IllegalArgumentException(id + ": unclosed or untyped markup at " + i);
                }
                String type = markup.substring(i + 2, colon);
                String value = markup.substring(colon + 1, end);
                if (!(isPhi ? PHI_TYPES : NON_PHI_TYPES).contains(type) || value.isEmpty()
                        || !value.strip().equals(value)) {
                    throw new IllegalArgumentException(id + ": bad span " + type + " '" + value + "'");
                }
                ObjectNode span = (isPhi ? phi : nonPhi).addObject();
                span.put("start", text.length());
                span.put("end", text.length() + value.length());
                span.put("type", type);
                span.put("value", value);
                text.append(value);
                i = end + 2;
            } else {
                text.append(markup.charAt(i++));
            }
        }
        doc.put("id", id);
        doc.put("kind", kind);
        doc.put("text", text.toString());
        doc.set("phi", phi);
        doc.set("non_phi", nonPhi);
        try {
            return JSON.writeValueAsString(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
