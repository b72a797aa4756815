package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkupCorpusTest {

    /** eval.jsonl is generated from the markup sources; it must not drift from them. */
    @Test
    void theEvaluationSetIsExactlyItsMarkupSources() throws IOException {
        List<String> sources = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            sources.add(resource("/phi-eval/eval-" + i + ".txt"));
        }
        assertThat(resource("/phi-eval/eval.jsonl")).isEqualTo(MarkupCorpus.jsonLines("eval", sources));
    }

    @Test
    void offsetsAreJavaStringIndicesAndMarkupIsChecked() throws IOException {
        String line = MarkupCorpus.jsonLines("t", List.of("=== comment\n🎉 hi [[NAME:Zoë]] at {{ORG_CONTACT:555-0100}}\n"));
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        String text = doc.get("text").asText();
        assertThat(text).isEqualTo("🎉 hi Zoë at 555-0100");
        var name = doc.get("phi").get(0);
        assertThat(text.substring(name.get("start").asInt(), name.get("end").asInt())).isEqualTo("Zoë");
        assertThat(name.get("start").asInt()).isEqualTo(6); // the emoji is two UTF-16 units
        assertThat(doc.get("non_phi").get(0).get("type").asText()).isEqualTo("ORG_CONTACT");
        assertThatThrownBy(() -> MarkupCorpus.jsonLines("t", List.of("=== post\n[[NAMES:x]]")))
                .hasMessageContaining("bad span");
        assertThatThrownBy(() -> MarkupCorpus.jsonLines("t", List.of("=== post\n[[NAME:x")))
                .hasMessageContaining("unclosed");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MarkupCorpusTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
