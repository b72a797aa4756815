package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepost.phi.DetectorAssertions.PLAIN;
import static org.carepost.phi.DetectorAssertions.WITH_HOSPITAL;
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

    /** The ages over 89 the detector finds in a text, as strings. */
    private static List<String> ages(PhiDetector detector, String text) {
        return detector.scan(text).stream().filter(sp -> sp.type() == PhiType.AGE_OVER_89)
                .map(sp -> text.substring(sp.start(), sp.end())).toList();
    }

    private static void assertAges(String[]... textAndAge) {
        for (String[] c : textAndAge) {
            assertThat(ages(PLAIN, c[0])).as(c[0]).containsExactly(c[1]);
        }
    }

    @Test
    void agesOverEightyNineInCommentsPostsAndDirectMessages() {
        assertAges(
                new String[] {"he just hit 95 and still gardens", "95"},
                new String[] {"Grandpa hit 100 last week!!", "100"},
                new String[] {"pushing 100 and sharp as ever", "100"},
                new String[] {"she's pushing 95 lol", "95"},
                new String[] {"Mom is turning 90 in style", "90"},
                new String[] {"turning 90 in style \uD83C\uDF89", "90"},
                new String[] {"She'll be 100 in March.", "100"},
                new String[] {"97 & still going strong", "97"},
                new String[] {"97 and still going strong \uD83D\uDCAA", "97"},
                new String[] {"94 and sharp as a tack", "94"},
                new String[] {"Nana 97 and still sharp", "97"},
                new String[] {"Grandpa's 98 and sharp as a tack", "98"},
                new String[] {"my nana, 96!", "96"},
                new String[] {"she's like 97 lol", "97"},
                new String[] {"he is literally 96 and still mows", "96"},
                new String[] {"still kicking at 100 years young", "100"},
                new String[] {"93 y.o. and still driving", "93"},
                new String[] {"would have been 100 today", "100"},
                new String[] {"she lived until 99", "99"},
                new String[] {"a spry 94, she walked the halls every day", "94"},
                new String[] {"She turns the big 9-0 next week!", "9-0"},
                new String[] {"he is turning the big 100 on saturday", "100"},
                new String[] {"our oldest volunteer turned 100", "100"},
                new String[] {"RIP grandpa, gone at 96", "96"},
                new String[] {"Turning 100 means a lot to her", "100"},
                new String[] {"Grandma is celebrating 100 years today!", "100"},
                new String[] {"she lived almost 100 years", "100"});
    }

    @Test
    void spelledOutAgesAreFlaggedWhole() {
        assertAges(
                new String[] {"She is ninety one", "ninety one"},
                new String[] {"nana is ninety five and still bakes", "ninety five"},
                new String[] {"She is Ninety One years young", "Ninety One"},
                new String[] {"Ninety-two and still drives", "Ninety-two"},
                new String[] {"she's one hundred and one today", "one hundred and one"},
                new String[] {"she turned one hundred one", "one hundred one"},
                new String[] {"he's a hundred and two", "a hundred and two"},
                new String[] {"a ninety-one-year-old veteran", "ninety-one"},
                new String[] {"one-hundred-year-old Ruth still sings", "one-hundred"},
                new String[] {"ninety-one yrs old and sharp", "ninety-one"},
                new String[] {"her ninety-fifth birthday", "ninety-fifth"},
                new String[] {"his hundredth birthday is Sunday", "hundredth"},
                new String[] {"she celebrated her one hundred and first with cake", "one hundred and first"});
    }

    @Test
    void birthdayOrdinalsHashtagsACenturyAndABirthYear() {
        assertAges(
                new String[] {"so proud of her, she celebrated her 95th!", "95"},
                new String[] {"Happy belated 95th to your mom!", "95"},
                new String[] {"Grandma's 95th was a blast", "95"},
                new String[] {"Grandma's 100th bday party was LIT \uD83D\uDD25", "100"},
                new String[] {"in his 96th year he still volunteered", "96"},
                new String[] {"#turning95", "95"},
                new String[] {"so proud #95andfabulous", "95"},
                new String[] {"#100yearsyoung", "100"},
                new String[] {"she celebrated a century last week!", "a century"},
                new String[] {"born in 1929 and still sharp", "1929"});
    }

    @Test
    void agesInLettersAndReviewReplies() {
        assertAges(
                new String[] {"Age at admission: 97", "97"},
                new String[] {"age: 93", "93"},
                new String[] {"He is 93 years of age and lives independently.", "93"},
                new String[] {"all 96 years of her life", "96"},
                new String[] {"a woman of 93 who never missed a day", "93"},
                new String[] {"The patient, 93 years, presented with a fall.", "93"},
                new String[] {"Mrs. Alvarez, aged 93, was admitted", "93"},
                new String[] {"Patient is a 94 y/o female", "94"},
                new String[] {"DOB withheld (age 94)", "94"},
                new String[] {"My grandpa (96) loves the nurses.", "96"},
                new String[] {"Our oldest patient, 105, went home today.", "105"},
                new String[] {"He was 104 when he passed.", "104"},
                new String[] {"Mi abuela tiene 95 a\u00f1os", "95"});
    }

    @Test
    void theLeadsMissesAreCaughtAndNothingElseIsFlagged() {
        assertThat(flagged(PLAIN, "my great-grandma just turned 102!!")).containsExactly("102");
        assertThat(flagged(PLAIN, "Mom is turning 90 in style")).containsExactly("90");
        assertThat(flagged(PLAIN, "She is ninety one")).containsExactly("ninety one");
        assertThat(flagged(PLAIN, "Age 96, still sharp")).containsExactly("96");
    }

    /** A cue before a number is no age when a unit, a count, the weather or a measurement says otherwise. */
    @Test
    void numbersAfterAnAgeCueThatAreNoAge() {
        for (String t : List.of("it hit 95 degrees today", "the car was pushing 100 mph",
                "turning 90 degrees to the left", "We moved her to Room 95 yesterday.", "it was 95 in the shade",
                "she scored 98 on her boards", "temps hit 100 today, stay hydrated",
                "the heat index hit 105 this afternoon", "my fever hit 103 last night",
                "her oxygen was 93 when we got there", "his pulse was 110 and the nurse came right away",
                "blood sugar is 110 this morning", "the high is 95 with storms later", "my score is 98!",
                "his temp was 100.4 at midnight", "we just hit 100 followers!", "our page is pushing 100 subscribers",
                "almost 100 volunteers showed up", "We are at 100 volunteers", "the line was 100 deep",
                "I was number 95 in line", "she is 95% better", "turned 90 days sober today", "He got a 95 on the exam.",
                "Our NICU is at 95% capacity", "Grandpa hit 95 mph on the golf cart lol", "It's been 95 all week", "parking lot (95) is closed",
                "Volunteers (100) served meals", "heart rate has been 110 all night")) {
            assertThat(ages(PLAIN, t)).as(t).isEmpty();
        }
    }

    /** The hospital's own anniversaries and milestones are no one's age. */
    @Test
    void anniversariesAndMilestonesOfTheHospitalAreNoAge() {
        for (String t : List.of("Celebrating 100 years of caring for our county!", "Serving our community for 95 years.",
                "For over 100 years, our nurses have cared for families here.", "for almost 100 years we have served",
                "Our hospital is turning 100 this year!", "We are turning 100 this year and you're invited.",
                "the hospital celebrated a century of care", "Happy 100th anniversary to our hospital!",
                "Congrats on your 100th delivery, Dr. Lee!", "This is my 100th post!", "She's the 95th patient this week")) {
            assertThat(flagged(PLAIN, t)).as(t).isEmpty();
        }
        assertThat(flagged(WITH_HOSPITAL, "Riverbend turns 100 this year, join the party")).isEmpty();
    }

    /**
     * Safe Harbor lets a text keep ages over 89 aggregated into one category of 90 or older; a decade or a word for it
     * ("in her 90s", "nonagenarian") says no more than that category about nearly everyone in it, so none is flagged.
     */
    @Test
    void theCategoryNinetyOrOlderIsKept() {
        for (String t : List.of("Patients 90 and older can use the east entrance.", "Free shuttle for adults 90+",
                "She is 90 or older, the form says.", "He's in his 90s and still sharp",
                "a nonagenarian and a centenarian walked into the clinic", "she is ninety-something")) {
            assertThat(flagged(PLAIN, t)).as(t).isEmpty();
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
