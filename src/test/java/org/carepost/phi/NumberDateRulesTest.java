package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepost.phi.DetectorAssertions.PLAIN;
import static org.carepost.phi.DetectorAssertions.flagged;
import static org.carepost.phi.DetectorAssertions.flaggedBy;
import static org.carepost.phi.DetectorAssertions.typeOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers and dates: SSN, dates, labelled values, identifiers, ages over 89. */
class NumberDateRulesTest {

    @Test
    void datesInTheListedFormats() {
        for (String d : List.of("Jan. 5", "5 January 2023", "2023-01-05", "1/5/23", "Tuesday the 5th",
                "the 2nd of July", "December 13, 1998", "9.5.50", "12.03.2024", "05-19-2019", "sept 3",
                "tues the 19th", "the 4th of May, 2024", "March 2019", "15 april")) {
            assertThat(flagged(PLAIN, "It happened on " + d + " after lunch.")).as(d).containsExactly(d);
        }
    }

    @Test
    void aDayOfTheMonthAloneButNotAnOrdinalOfSomethingElse() {
        assertThat(flagged(PLAIN, "She was admitted on the 14th and discharged on the 19th."))
                .containsExactly("the 14th", "the 19th");
        assertThat(flagged(PLAIN, "The 3rd floor nurses are the best, my 5th time here.")).isEmpty();
    }

    @Test
    void holidaysAreDatesOfSomeonesLifeOnlyWithAYearOrAnEvent() {
        assertThat(flagged(PLAIN, "My grandson was born on Valentine's Day.")).containsExactly("Valentine's Day");
        assertThat(flagged(PLAIN, "He got his new heart on Christmas Eve 2022.")).containsExactly("Christmas Eve 2022");
        assertThat(flagged(PLAIN, "Stay safe this 4th of July! Fireworks hurt hands.")).isEmpty();
        assertThat(flagged(PLAIN, "Is the urgent care open on Memorial Day?")).isEmpty();
    }

    @Test
    void announcedEventDatesAreNotFlaggedButSomeonesDateInTheSameWordsIs() {
        assertThat(flagged(PLAIN, "Starting June 3, visit us in the new wing.")).isEmpty();
        assertThat(flagged(PLAIN, "Flu clinics every Tuesday in October, 4 to 7 p.m. No appointment needed."))
                .isEmpty();
        assertThat(flagged(PLAIN, "The diabetes education class meets Aug 10th in the main lobby.")).isEmpty();
        assertThat(flagged(PLAIN, "Starting June 3, my mom starts her chemo.")).containsExactly("June 3");
        assertThat(flagged(PLAIN, "I was admitted on March 3 at 2 a.m.")).containsExactly("March 3");
    }

    @Test
    void ratingsFractionsAndAroundTheClockAreNoDates() {
        assertThat(flagged(PLAIN, "10/10 care, open 24/7, add 1/2 cup of water.")).isEmpty();
    }

    @Test
    void ageOverEightyNineInDigitsWordsAndShapes() {
        for (String t : List.of("At 93 my mother is still sharp.", "grandma turned 102 on sunday",
                "he's 96 and still drives", "She's a 101-year-old who loves jazz.", "my 95 yo grandpa",
                "granddad's 98yr old", "Great-grandma Odile (94) plays bingo.", "He made it to 100 and smiled.",
                "She celebrated her 100th with the team.", "Happy 101st birthday, dear", "he will be 93 next month",
                "Aged 92, he cheered us on.", "my great aunt is ninety-seven", "she turned one hundred and two")) {
            assertThat(PLAIN.scan(t)).as(t).anyMatch(s -> s.type() == PhiType.AGE_OVER_89);
        }
        assertThat(flagged(PLAIN, "at ninety-one she let us help")).containsExactly("ninety-one");
        assertThat(flagged(PLAIN, "Happy 101st birthday, dear")).containsExactly("101");
    }

    @Test
    void numbersThatAreNoAge() {
        for (String t : List.of("I'm 45 and training for a 5K again.", "We treated 104 patients this weekend.",
                "The temperature hit 101 yesterday.", "a temperature of 103 or higher", "About 95 patients joined.",
                "He is a 45-year-old runner.", "Happy St555 birthday to our ward")) {
            assertThat(PLAIN.scan(t)).as(t).noneMatch(s -> s.type() == PhiType.AGE_OVER_89);
        }
    }

    @Test
    void labelledValuesWithoutTheirLabels() {
        assertThat(flagged(PLAIN, "I still have the wristband: MRN 00482913.")).containsExactly("00482913");
        assertThat(flagged(PLAIN, "She stayed in room 412B for a week.")).containsExactly("412B");
        assertThat(flagged(PLAIN, "Because your SSN (945-47-2749) was entered")).containsExactly("945-47-2749");
        assertThat(typeOf(PLAIN, "My son's insurance member ID is ZQH882104573, fix it.", "ZQH882104573"))
                .isEqualTo(PhiType.HEALTH_PLAN);
        assertThat(typeOf(PLAIN, "Device serial PX-7713-0021 keeps failing.", "PX-7713-0021"))
                .isEqualTo(PhiType.DEVICE);
    }

    @Test
    void licencePlatesBesideAVehicleOrParkingInTwoAndThreeLetterFormats() {
        assertThat(flagged(PLAIN, "Someone dinged my car in the lot (plate JX 4821), check the cameras."))
                .containsExactly("JX 4821");
        assertThat(flagged(PLAIN, "parked on level 3, silver camry (KD 4471), lights on")).containsExactly("KD 4471");
        assertThat(flagged(PLAIN, "My van (ABC-9921) was blocked in.")).containsExactly("ABC-9921");
        assertThat(flagged(PLAIN, "Parked on level 2, plate 4TRV913.")).containsExactly("4TRV913");
    }

    @Test
    void bareYearsAndGenericNumbersAreNotFlagged() {
        assertThat(flagged(PLAIN, "I've had lymphoma since 2013, and this team listened.")).isEmpty();
        assertThat(flagged(PLAIN, "They started me on 12 units and within 9 weeks I ran a 5K. 10/10 care, call 911."))
                .isEmpty();
    }

    @Test
    void theNumberFamilyAloneFindsOnlyNumbersAndDates() {
        String text = "Maria Lopez of Elm Hollow, MRN 00482913, born 3/31/81, is 93 and emails maria@example.com.";
        assertThat(flaggedBy(PLAIN, NumberDateRules::scan, text)).containsExactly("00482913", "3/31/81", "93");
    }
}
