package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepost.phi.DetectorAssertions.PLAIN;
import static org.carepost.phi.DetectorAssertions.WITH_HOSPITAL;
import static org.carepost.phi.DetectorAssertions.flagged;
import static org.carepost.phi.DetectorAssertions.flaggedBy;
import static org.carepost.phi.DetectorAssertions.typeOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Contact and network identifiers: phone, fax, e-mail, URL, IP. No context rule may drop one. */
class ContactIdRulesTest {

    @Test
    void phoneNumbersInTheirUsualShapes() {
        for (String phone : List.of("(312) 555-0147", "312-555-0147", "312.555.0147", "312 555 0147", "3125550147",
                "+1 312 555 0147", "+1 (312) 555-0147", "1-312-555-0147", "+44 20 7946 0958")) {
            assertThat(flagged(PLAIN, "You can reach her on " + phone + " after six.")).as(phone)
                    .containsExactly(phone);
        }
    }

    /** Issue #16 item 10: the exclusion for the hospital's "call us at" number also dropped a patient's number. */
    @Test
    void aPatientsNumberAfterCallIsStillFlagged() {
        assertThat(flagged(WITH_HOSPITAL, "Please call her at 715-555-0188 if anything changes."))
                .containsExactly("715-555-0188");
        assertThat(flagged(WITH_HOSPITAL, "text him at (262) 555-0144, he lost his charger"))
                .containsExactly("(262) 555-0144");
        assertThat(flagged(WITH_HOSPITAL, "Call 715-555-0188 and ask for my mom.")).containsExactly("715-555-0188");
        // a structured identifier is never dropped by its context, not even by "call us at"
        assertThat(flagged(PLAIN, "Questions? Please call us at (503) 555-0120 anytime."))
                .containsExactly("(503) 555-0120");
    }

    @Test
    void theHospitalsOwnNumbersAreNotFlaggedInAnyFormat() {
        assertThat(flagged(WITH_HOSPITAL, "Questions? Call us at (715) 555-0100 or fax 715-555-0104.")).isEmpty();
        assertThat(flagged(WITH_HOSPITAL, "Our main line is +1 715.555.0100.")).isEmpty();
        assertThat(flagged(WITH_HOSPITAL, "Call us at (715) 555-0100, or call her at (715) 555-0101."))
                .containsExactly("(715) 555-0101");
    }

    @Test
    void tollFreeNumbersAreNeverAPatients() {
        assertThat(flagged(PLAIN, "The poison help line is 1-800-555-0199, open all night.")).isEmpty();
    }

    @Test
    void faxIsTypedByItsContext() {
        assertThat(typeOf(PLAIN, "We faxed your records to the number you provided, 919-555-0122, on Monday.",
                "919-555-0122")).isEqualTo(PhiType.FAX);
        assertThat(typeOf(PLAIN, "Send it to (920) 555-0166 (fax) today.", "(920) 555-0166")).isEqualTo(PhiType.FAX);
        assertThat(typeOf(PLAIN, "Text me at (312) 555-0147 if you want to talk.", "(312) 555-0147"))
                .isEqualTo(PhiType.PHONE);
    }

    @Test
    void aLabelBeforeTenDigitsGivesItsType() {
        assertThat(typeOf(PLAIN, "My member ID is 6085550143 on the card.", "6085550143"))
                .isEqualTo(PhiType.HEALTH_PLAN);
    }

    @Test
    void emailAddressesButNotTheHospitalsDomain() {
        assertThat(flagged(WITH_HOSPITAL, "email me at gunnar.petrov@example.net, thanks"))
                .containsExactly("gunnar.petrov@example.net");
        assertThat(flagged(WITH_HOSPITAL, "Write to billing@riverbend.example.org or stories@news.riverbend.example.org."))
                .isEmpty();
    }

    @Test
    void urlsWithAndWithoutSchemeButNotTheHospitalsOrAGovernmentSite() {
        assertThat(flagged(PLAIN, "She made a blog about my rehab, www.example.org/~meiling22/journal, with videos"))
                .containsExactly("www.example.org/~meiling22/journal");
        assertThat(flagged(PLAIN, "Donate: https://gofund.example.com/help-abdi-heal!"))
                .containsExactly("https://gofund.example.com/help-abdi-heal");
        assertThat(flagged(PLAIN, "follow her at tiktok.com/@grandmagladys97 lol"))
                .containsExactly("tiktok.com/@grandmagladys97");
        assertThat(flagged(WITH_HOSPITAL, "Learn the signs at https://riverbend.example.org/stroke or cdc.gov/stroke."))
                .isEmpty();
    }

    @Test
    void ipAddressesVersionFourAndSixButNotTimes() {
        assertThat(flagged(PLAIN, "the portal log says 198.51.100.12 today")).containsExactly("198.51.100.12");
        assertThat(flagged(PLAIN, "the login came from 2001:db8:4f2a::17 at 3:14 am"))
                .containsExactly("2001:db8:4f2a::17");
        assertThat(flagged(PLAIN, "Visiting 10:00-12:30, ratio 3:1.")).isEmpty();
    }

    @Test
    void theContactFamilyAloneFindsOnlyContactIdentifiers() {
        String text = "Maria Lopez, MRN 00482913, born 3/31/81: call her at 312-555-0147 or maria@example.com.";
        assertThat(flaggedBy(PLAIN, ContactIdRules::scan, text)).containsExactly("312-555-0147", "maria@example.com");
    }
}
