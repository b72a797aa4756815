package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepost.phi.DetectorAssertions.PLAIN;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The detector as a whole: offsets, merging, threads, and the directory it reads at every scan. */
class PhiDetectorTest {

    @Test
    void emojiBeforeANameKeepsUtf16Offsets() {
        String t = "\uD83C\uDF89\uD83D\uDC99 Congratulations to Wilhelmina Oyelaran!";
        List<PhiSpan> spans = PLAIN.scan(t);
        assertThat(spans).hasSize(1);
        assertThat(t.substring(spans.get(0).start(), spans.get(0).end())).isEqualTo("Wilhelmina Oyelaran");
        assertThat(spans.get(0).start()).isEqualTo(t.indexOf("Wilhelmina"));
    }

    @Test
    void spansAreSortedAndDisjointAcrossFamilies() {
        String t = "My name is Gunnar Petrov, MRN 00482913, born 3/31/81, at 8508 Cottonwood Ln #23 Larkspur Junction, "
                + "NC 15782, call 919-555-0122 or gunnar@example.net.";
        List<PhiSpan> spans = PLAIN.scan(t);
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i - 1).end()).isLessThanOrEqualTo(spans.get(i).start());
        }
        assertThat(spans).extracting(PhiSpan::type).contains(PhiType.NAME, PhiType.MRN, PhiType.DATE, PhiType.GEO,
                PhiType.PHONE, PhiType.EMAIL);
    }

    @Test
    void emptyAndNullInputIsHarmless() {
        assertThat(PLAIN.scan("")).isEmpty();
        assertThat(PLAIN.scan(null)).isEmpty();
        assertThat(PLAIN.scanTitle("")).isEmpty();
        assertThat(PLAIN.scan("My name is Gunnar Petrov")).isNotEmpty();
    }

    @Test
    void detectorIsSafeToShareBetweenThreads() throws Exception {
        String t = "Hi Chiamaka, your SSN (945-47-2749) and member ID NRY7193204728 were fixed on Jan. 5.";
        List<PhiSpan> expected = PLAIN.scan(t);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<PhiSpan>>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> PLAIN.scan(t)));
            }
            for (Future<List<PhiSpan>> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDirectoryIsReadAtEveryScan() {
        AtomicInteger reads = new AtomicInteger();
        OrganizationDirectory hospital = new OrganizationDirectory(DetectorAssertions.HOSPITAL, List.of());
        PhiDetector detector = new PhiDetector(PLAIN.lexicon(), () -> reads.incrementAndGet() > 1 ? hospital
                : OrganizationDirectory.EMPTY);
        String t = "Call us at (715) 555-0100.";
        assertThat(detector.scan(t)).hasSize(1);
        assertThat(detector.scan(t)).isEmpty(); // the number joined the directory in between
    }
}
