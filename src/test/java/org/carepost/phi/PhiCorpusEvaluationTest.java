package org.carepost.phi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the detector over the dev corpus and scores it exactly like score.py. */
class PhiCorpusEvaluationTest {

    @Test
    void devCorpusRecallMeetsTheBar() throws Exception {
        PhiDetector detector = TestDetector.get();
        CorpusScorer scorer = new CorpusScorer();
        for (CorpusScorer.Doc doc : CorpusScorer.load("/phi-corpus/dev.jsonl")) {
            scorer.add(doc, detector.scan(doc.text()));
        }
        System.out.print(scorer.report());
        assertTrue(scorer.docs == 160, "dev corpus has 160 documents");
        assertTrue(scorer.recall() >= 0.97, () -> "overall recall " + scorer.recall() + " < 0.97");
        for (Map.Entry<String, int[]> e : scorer.perType.entrySet()) {
            assertTrue(scorer.recall(e.getKey()) >= 0.90,
                    () -> "recall of " + e.getKey() + " is " + scorer.recall(e.getKey()) + " < 0.90");
        }
        assertTrue(scorer.perType.keySet().containsAll(List.of("NAME", "DATE", "GEO", "MRN")));
    }

    /**
     * Sentences written for this test with names, places, values and sentence shapes that are not in
     * dev.jsonl: the detector must generalise, not remember the corpus.
     */
    @Test
    void unseenSyntheticSentencesAreCaught() throws Exception {
        PhiDetector detector = TestDetector.get();
        CorpusScorer scorer = new CorpusScorer();
        for (CorpusScorer.Doc doc : CorpusScorer.load("/phi-synthetic/generalization.jsonl")) {
            scorer.add(doc, detector.scan(doc.text()));
        }
        System.out.print(scorer.report());
        assertTrue(scorer.recall() >= 0.95, () -> "recall on unseen sentences " + scorer.recall());
        assertTrue(scorer.precision() >= 0.85, () -> "precision on unseen sentences " + scorer.precision());
    }
}
