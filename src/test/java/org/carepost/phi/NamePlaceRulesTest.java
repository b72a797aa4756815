package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepost.phi.DetectorAssertions.PLAIN;
import static org.carepost.phi.DetectorAssertions.WITH_HOSPITAL;
import static org.carepost.phi.DetectorAssertions.flagged;
import static org.carepost.phi.DetectorAssertions.flaggedBy;
import static org.carepost.phi.DetectorAssertions.typeOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names and places: by grammar and context, not only by word lists. */
class NamePlaceRulesTest {

    // ------------------------------------------------------------------ places
    @Test
    void theTownIsWhateverStandsBetweenStreetAndState() {
        assertThat(flagged(PLAIN, "She lives at 77 Birchwood Ct, Millersport, OH 43046 with her daughter."))
                .containsExactly("77 Birchwood Ct", "Millersport", "43046");
        assertThat(flagged(PLAIN, "Mail it to 3021 Prairie Wind Dr\nWaverly Hollow, KS 66871"))
                .containsExactly("3021 Prairie Wind Dr", "Waverly Hollow", "66871");
        assertThat(flagged(PLAIN, "my dad is at 1187 hollow creek rd, Brookhaven Mills if the nurse gets lost"))
                .containsExactly("1187 hollow creek rd", "Brookhaven Mills");
        assertThat(flagged(PLAIN, "Send it to Pelican Bluff, FL 32034 please."))
                .containsExactly("Pelican Bluff", "32034");
        assertThat(flagged(PLAIN, "We live past the store on County Road 14, PO Box 212."))
                .containsExactly("County Road 14", "PO Box 212");
    }

    @Test
    void aPlaceAfterAMoveOrBeforeAPlaceWordEvenWhenItsWordsAreEnglish() {
        assertThat(flagged(PLAIN, "We drove 3 hours from Ten Sleep for his surgery.")).containsExactly("Ten Sleep");
        assertThat(flagged(PLAIN, "We finally headed home to Orrville Springs after three weeks."))
                .containsExactly("Orrville Springs");
        assertThat(flagged(PLAIN, "Our friend from Maple Hollow was discharged.")).containsExactly("Maple Hollow");
        assertThat(typeOf(PLAIN, "The couple drove in from Springfield yesterday.", "Springfield"))
                .isEqualTo(PhiType.GEO);
        // a room is no place to move to: only its number is PHI
        assertThat(flagged(PLAIN, "We moved her to Room 95 yesterday.")).containsExactly("95");
        assertThat(flagged(PLAIN, "They transferred him to Bed 12B overnight.")).containsExactly("12B");
    }

    @Test
    void statesCountriesAndDepartmentsAreNoPlacesOrNames() {
        assertThat(flagged(PLAIN, "We moved here from Texas, and before that from Ukraine.")).isEmpty();
        assertThat(flagged(PLAIN, "Visiting hours in Physical Therapy are now 8 to 8.")).isEmpty();
        assertThat(flagged(PLAIN, "Hi, I'm Keisha Washington's sister.")).containsExactly("Keisha Washington");
    }

    @Test
    void theHospitalsOwnAddressNameAndStaffAreNotFlagged() {
        assertThat(flagged(WITH_HOSPITAL, "Starting today, visit us at 900 Summit Avenue, Suite 200.")).isEmpty();
        assertThat(flagged(WITH_HOSPITAL, "Shout out to the Riverbend ICU nurses!")).isEmpty();
        assertThat(flagged(WITH_HOSPITAL, "Thank you, Riverbend Regional Hospital, from all of us.")).isEmpty();
        assertThat(flagged(WITH_HOSPITAL, "Hannah Lutz and the whole team made it easy.")).isEmpty();
        assertThat(flagged(WITH_HOSPITAL, "Big thanks to Joseph in pharmacy.")).isEmpty();
        // a patient who shares a staff member's first name is still a patient
        assertThat(flagged(WITH_HOSPITAL, "My son Joseph Okoro is home today.")).containsExactly("Joseph Okoro");
    }

    // ------------------------------------------------------------------ names from context
    @Test
    void lowerCaseSelfIntroductionsAndKinship() {
        assertThat(flagged(PLAIN, "i'm rosalind achebe btw, the one who kept asking for ice")).containsExactly(
                "rosalind achebe");
        assertThat(flagged(PLAIN, "hey it's me, tomasz kowalczyk, the guy in the hallway")).containsExactly(
                "tomasz kowalczyk");
        assertThat(flagged(PLAIN, "my daughter emma loved the nurses")).containsExactly("emma");
        assertThat(flagged(PLAIN, "Thanks again, chiamaka!")).containsExactly("chiamaka");
        assertThat(flagged(PLAIN, "kudos to the team. my mom ruth is home and bossing us around"))
                .containsExactly("ruth");
        assertThat(flagged(PLAIN, "praying for my friend nguyen van thanh tonight")).containsExactly("nguyen van thanh");
    }

    /** After a kinship word a lower-case word that is also in a name list is a name, but not a verb or adverb. */
    @Test
    void aWordThatWorksInTheSentenceAfterAKinshipWordIsNoName() {
        for (String t : List.of("my great-grandma just turned 80!!", "my mom will be home friday",
                "my dad can walk again", "my son even smiled", "grandpa has been so brave", "my sister said thanks",
                "my aunt went home", "my nana loves you all")) {
            assertThat(flagged(PLAIN, t)).as(t).isEmpty();
        }
        assertThat(flagged(PLAIN, "Age is just a number, says my grandpa.")).isEmpty();
        // the names those words do not cover stay names
        assertThat(flagged(PLAIN, "my daughter hope is home")).containsExactly("hope");
        assertThat(flagged(PLAIN, "my son Will just turned 6")).containsExactly("Will");
    }

    @Test
    void particlesHyphensAndAccentsBelongToTheName() {
        assertThat(flagged(PLAIN, "my name is ana de la cruz and i want to thank you")).containsExactly("ana de la cruz");
        assertThat(flagged(PLAIN, "Thank you for caring for Mr. van der Meer after his fall."))
                .containsExactly("van der Meer");
        assertThat(flagged(PLAIN, "Congrats to our neighbor Luis Ortiz-Blanco on finishing rehab!"))
                .containsExactly("Luis Ortiz-Blanco");
        assertThat(flagged(PLAIN, "Our patient Zofia Wróblewska shares her secret.")).containsExactly(
                "Zofia Wróblewska");
        assertThat(flagged(PLAIN, "Dear Mrs. Nguyen, thank you for writing.")).containsExactly("Nguyen");
    }

    @Test
    void cuesAroundAName() {
        assertThat(flagged(PLAIN, "The Nakamura-Pereira family thanks everyone on 5 East."))
                .containsExactly("Nakamura-Pereira");
        assertThat(flagged(PLAIN, "Stay strong! #TeamWilhelmina #NursesWeek")).containsExactly("Wilhelmina");
        assertThat(flagged(PLAIN, "@jenna.kowalczyk this is where your grandpa had his bypass"))
                .containsExactly("jenna.kowalczyk");
        assertThat(flagged(PLAIN, "Forever grateful. - fernando")).containsExactly("fernando");
        assertThat(flagged(PLAIN, "Our son Wren came home today.")).containsExactly("Wren");
    }

    @Test
    void casualMentionsOfFriendsAndFamily() {
        assertThat(flagged(PLAIN, "jamal and i want to say thanks to the L&D nurses")).containsExactly("jamal");
        assertThat(flagged(PLAIN, "my bff kenzie had her baby here, a baby boy named Kairo")).containsExactly(
                "kenzie", "Kairo");
        assertThat(flagged(PLAIN, "can someone tell priyanka in the lobby that her sister is here"))
                .containsExactly("priyanka");
        assertThat(flagged(PLAIN, "thank you so much, ottilie! we hope the new knee treats you well."))
                .containsExactly("ottilie");
        assertThat(flagged(PLAIN, "Nothing to see here.")).isEmpty();
    }

    @Test
    void eventsProgramsAndPeoplesAreNoNames() {
        assertThat(flagged(PLAIN, "Tickets for the Harvest Moon Gala are on sale now.")).isEmpty();
        assertThat(flagged(PLAIN, "Honored to partner with the American Heart Association on CPR training."))
                .isEmpty();
        assertThat(flagged(PLAIN, "Tune in Thursday at 7 p.m. for a Facebook Live with our dietitians.")).isEmpty();
    }

    @Test
    void staffInTheirRoleAreNotFlagged() {
        assertThat(flagged(PLAIN, "Dr. Okafor explained everything twice.")).isEmpty();
        assertThat(flagged(PLAIN, "Nurse Shauna remembers you well, and so does CNA Rolando.")).isEmpty();
        assertThat(flagged(PLAIN, "Thank you for your note. — Priya Raman, Patient Experience Manager")).isEmpty();
        assertThat(flagged(PLAIN, "Best regards,\nTomasz Wojcik, MSW")).isEmpty();
        assertThat(flagged(PLAIN, "Rev. Fatou Diallo will visit. Fatou can be reached through our main line."))
                .isEmpty();
        // a patient signing with a town is no staff signature
        assertThat(flagged(PLAIN, "Robert is home now. — Linda Hargrove, Pellston")).contains("Linda Hargrove");
    }

    @Test
    void organisationNamesAreNotPeople() {
        assertThat(flagged(PLAIN, "Thank you St. Brigid's Community Hospital and the Heart and Vascular Institute!"))
                .isEmpty();
    }

    @Test
    void aTitleInTitleCaseNeedsMoreThanCapitals() {
        assertThat(PhiDetector.isTitleCase("Heart Month Talk With Our Cardiologists")).isTrue();
        assertThat(PhiDetector.isTitleCase("Thank you to our night nurses")).isFalse();
        assertThat(PLAIN.scanTitle("Takedown Test Of The Season")).isEmpty();
        assertThat(PLAIN.scanTitle("Welcome Home, Emma Okonkwo").stream()
                .map(s -> "Welcome Home, Emma Okonkwo".substring(s.start(), s.end()))).containsExactly("Emma Okonkwo");
        assertThat(PLAIN.scanTitle("Thank You Maria Lopez MRN 48213377")).hasSize(2);
    }

    @Test
    void theNameFamilyAloneFindsOnlyNamesAndPlaces() {
        String text = "Maria Lopez of Elm Hollow, MRN 00482913, born 3/31/81, is 93.";
        assertThat(flaggedBy(PLAIN, s -> {
            NamePlaceRules.addresses(s);
            NamePlaceRules.names(s, PLAIN.lexicon());
        }, text)).containsExactly("Maria Lopez", "Elm Hollow");
    }
}
