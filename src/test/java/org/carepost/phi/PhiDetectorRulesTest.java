package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** One behaviour per test: each is something a later change could plausibly break. */
class PhiDetectorRulesTest {

    private final PhiDetector detector = TestDetector.get();

    private List<String> flagged(String text) {
        return detector.scan(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    private PhiType typeOf(String text, String value) {
        for (PhiSpan s : detector.scan(text)) {
            if (text.substring(s.start(), s.end()).equals(value)) {
                return s.type();
            }
        }
        return null;
    }

    @Test
    void staffWithTitleIsNotFlagged() {
        assertEquals(List.of(), flagged("Dr. Okafor explained everything twice."));
        assertEquals(List.of(), flagged("Nurse Shauna remembers you well."));
    }

    @Test
    void patientTitleIsLeftOutOfTheSpan() {
        assertEquals(List.of("Nguyen"), flagged("Dear Mrs. Nguyen, thank you for writing."));
    }

    @Test
    void fake555PhoneIsFlagged() {
        assertEquals(List.of("(312) 555-0147"), flagged("Text me at (312) 555-0147 if you want to talk."));
        assertEquals(PhiType.PHONE, typeOf("Text me at (312) 555-0147 if you want to talk.", "(312) 555-0147"));
    }

    @Test
    void faxIsTypedByContext() {
        String t = "We faxed your records to the number you provided, 919-555-0122, on Monday.";
        assertEquals(PhiType.FAX, typeOf(t, "919-555-0122"));
    }

    @Test
    void hospitalPublicNumberIsNotFlagged() {
        assertEquals(List.of(), flagged("Questions? Please call us at (503) 555-0120 anytime."));
    }

    @Test
    void labelledMrnFlagsOnlyTheDigits() {
        assertEquals(List.of("00482913"), flagged("I still have the wristband: MRN 00482913."));
    }

    @Test
    void roomNumberWithoutLabel() {
        assertEquals(List.of("412B"), flagged("She stayed in room 412B for a week."));
    }

    @Test
    void bareYearIsNotFlagged() {
        assertEquals(List.of(), flagged("I've had lymphoma since 2013, and this team listened."));
    }

    @Test
    void ageOverEightyNineIsFlaggedAndYoungerIsNot() {
        assertEquals(List.of("93"), flagged("At 93 my mother is still sharp."));
        assertEquals(List.of(), flagged("I'm 45 and training for a 5K again."));
    }

    @Test
    void emojiBeforeANameKeepsUtf16Offsets() {
        String t = "\uD83C\uDF89\uD83D\uDC99 Congratulations to Wilhelmina Oyelaran!";
        List<PhiSpan> spans = detector.scan(t);
        assertEquals(1, spans.size());
        assertEquals("Wilhelmina Oyelaran", t.substring(spans.get(0).start(), spans.get(0).end()));
        assertEquals(t.indexOf("Wilhelmina"), spans.get(0).start());
    }

    @Test
    void namesInsideHashtagsButNotPlainHashtags() {
        assertEquals(List.of("Wilhelmina"), flagged("Stay strong! #TeamWilhelmina #NursesWeek"));
    }

    @Test
    void lowerCaseNameAfterKinshipWordAndGreeting() {
        assertEquals(List.of("emma"), flagged("my daughter emma loved the nurses"));
        assertEquals(List.of("chiamaka"), flagged("Thanks again, chiamaka!"));
    }

    @Test
    void placeAfterFromWithSuffix() {
        assertEquals(List.of("Springfield"), flagged("The couple drove in from Springfield yesterday."));
        assertEquals(List.of("Marrowby Falls"), flagged("We drove back from Marrowby Falls."));
    }

    @Test
    void datesInTheListedFormats() {
        for (String d : List.of("Jan. 5", "5 January 2023", "2023-01-05", "1/5/23", "Tuesday the 5th",
                "the 2nd of July", "December 13, 1998", "9.5.50")) {
            assertEquals(List.of(d), flagged("It happened on " + d + " after lunch."), d);
        }
    }

    @Test
    void publicEventDateIsNotFlagged() {
        assertEquals(List.of(), flagged("The diabetes education class meets Aug 10th in the main lobby."));
    }

    @Test
    void drugsConditionsAndDepartmentsAreNotFlagged() {
        assertEquals(List.of(), flagged("Taking semaglutide? Our Cardiology team treats Crohn's disease too."));
    }

    @Test
    void identifiersOfEachShape() {
        assertEquals(List.of("gunnar.petrov@example.net"), flagged("email me at gunnar.petrov@example.net, thanks"));
        assertEquals(List.of("198.51.100.12"), flagged("the portal log says 198.51.100.12 today"));
        assertEquals(List.of("945-47-2749"), flagged("Because your SSN (945-47-2749) was entered"));
        assertEquals(List.of("KB 6230"), flagged("They remembered my truck, plate KB 6230, by the second visit"));
        assertEquals(List.of("www.example.org/~meiling22/journal"),
                flagged("She made a blog about my rehab, www.example.org/~meiling22/journal, with videos"));
    }

    @Test
    void genericNumbersAreNotFlagged() {
        assertEquals(List.of(), flagged("They started me on 12 units and within 9 weeks I ran a 5K. 10/10 care, call 911."));
    }

    @Test
    void malformedAndEmptyInputIsHarmless() {
        assertTrue(detector.scan("").isEmpty());
        assertFalse(detector.scan("My name is Gunnar Petrov").isEmpty());
    }

    @Test
    void spansAreSortedAndDisjoint() {
        String t = "My name is Gunnar Petrov, MRN 00482913, born 3/31/81, at 8508 Cottonwood Ln #23 Larkspur Junction, NC 15782.";
        List<PhiSpan> spans = detector.scan(t);
        for (int i = 1; i < spans.size(); i++) {
            assertTrue(spans.get(i - 1).end() <= spans.get(i).start(), spans.toString());
        }
        assertTrue(spans.size() >= 5, spans.toString());
    }

    @Test
    void detectorIsSafeToShareBetweenThreads() throws Exception {
        String t = "Hi Chiamaka, your SSN (945-47-2749) and member ID NRY7193204728 were fixed on Jan. 5.";
        List<PhiSpan> expected = detector.scan(t);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<PhiSpan>>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> detector.scan(t)));
            }
            for (Future<List<PhiSpan>> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lettersBeforeDigitsBeforeBirthdayAreNotAnOrdinalAndDoNotBreakTheScan() {
        // Used to throw NumberFormatException, which would have stopped the scan of a real post.
        assertThat(TestDetector.get().scan("Happy St555 birthday to our ward")).noneMatch(
                span -> span.type() == PhiType.AGE_OVER_89);
        assertThat(TestDetector.get().scan("Happy 101st birthday, dear")).anyMatch(
                span -> span.type() == PhiType.AGE_OVER_89);
    }
}
