package org.carepost.phi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Temporary: dumps spans for regression comparison. */
public final class PhiSnapshot {
    public static void main(String[] args) throws Exception {
        PhiDetector d = new PhiDetector();
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String f : List.of("src/test/resources/phi-corpus/dev.jsonl", "src/test/resources/phi-synthetic/generalization.jsonl")) {
            for (String line : Files.readAllLines(Path.of(f), StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                String text = json.readTree(line).get("text").asText();
                out.add(d.scan(text).toString());
            }
        }
        Files.write(Path.of(args[0]), out, StandardCharsets.UTF_8);
    }
}
