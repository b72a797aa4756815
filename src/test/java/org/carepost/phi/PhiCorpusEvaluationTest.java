package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scores the detector like score.py on the dev corpus and on the independent evaluation set (phi-eval, written before
 * the rules changed and never used to tune them), each with its hospital's organisation directory. The targets of
 * issue #15 are checked by {@link #unmetTargets}; both corpora meet all of them, and the evaluation set's figures
 * reached are floors, so the test fails if it gets worse.
 */
class PhiCorpusEvaluationTest {

    /** Identifiers with a structure: not one may reach review unflagged. */
    static final Set<String> ZERO_MISS = Set.of("SSN", "MRN", "PHONE", "FAX", "EMAIL", "ACCOUNT", "HEALTH_PLAN",
            "LICENSE", "DEVICE", "IP", "URL");

    @Test
    void devCorpusMeetsEveryTarget() throws Exception {
        CorpusScorer scorer = score("/phi-corpus/dev.jsonl", "/phi-corpus/organization.yml");
        assertThat(scorer.docs).isEqualTo(160);
        assertThat(unmetTargets(scorer)).isEmpty();
    }

    @Test
    void independentEvaluationSetMeetsTheTargetsItMeetsAndNoLess() throws Exception {
        CorpusScorer scorer = score("/phi-eval/eval.jsonl", "/phi-eval/organization.yml");
        assertThat(scorer.docs).isEqualTo(234);
        // Every target is met (docs/phi.md gives the figures: recall 0.994, lowest type DATE 0.982, ages 20 of 20,
        // precision 0.972, 4 of 56 clean documents flagged); the floors below keep what was reached.
        assertThat(unmetTargets(scorer)).isEmpty();
        assertThat(scorer.recall()).isGreaterThanOrEqualTo(0.994);
        assertThat(scorer.precision()).isGreaterThanOrEqualTo(0.97);
        assertThat(scorer.cleanFlagged).isLessThanOrEqualTo(4);
    }

    /**
     * Sentences written for this test with names, places, values and sentence shapes that are not in dev.jsonl: the
     * detector must generalise, not remember the corpus.
     */
    @Test
    void unseenSyntheticSentencesAreCaught() throws Exception {
        CorpusScorer scorer = score("/phi-synthetic/generalization.jsonl", "/phi-synthetic/organization.yml");
        assertThat(scorer.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(scorer.precision()).isGreaterThanOrEqualTo(0.85);
    }

    /** Issue #15's "done when", as the names of the targets a scored corpus misses. */
    static List<String> unmetTargets(CorpusScorer scorer) {
        List<String> unmet = new ArrayList<>();
        if (scorer.recall() < 0.99) {
            unmet.add("overall recall");
        }
        for (Map.Entry<String, int[]> e : scorer.perType.entrySet()) {
            if (scorer.recall(e.getKey()) < 0.97) {
                unmet.add("recall of " + e.getKey());
            }
            if (ZERO_MISS.contains(e.getKey()) && e.getValue()[1] < e.getValue()[0]) {
                unmet.add("no miss of " + e.getKey());
            }
        }
        if (scorer.precision() < 0.85) {
            unmet.add("character precision");
        }
        if (scorer.cleanFlagged * 10 > scorer.cleanDocs) {
            unmet.add("clean documents flagged");
        }
        return unmet;
    }

    private static CorpusScorer score(String corpus, String organization) throws IOException {
        PhiDetector detector = TestDetector.get();
        if (organization != null) {
            try (InputStream in = PhiCorpusEvaluationTest.class.getResourceAsStream(organization)) {
                detector = detector.withDirectory(new OrganizationDirectory(OrganizationSettings.fromYaml(in),
                        List.of()));
            }
        }
        CorpusScorer scorer = new CorpusScorer();
        for (CorpusScorer.Doc doc : CorpusScorer.load(corpus)) {
            scorer.add(doc, detector.scan(doc.text()));
        }
        System.out.print(corpus + "\n" + scorer.report(!corpus.startsWith("/phi-eval/")));
        return scorer;
    }
}
