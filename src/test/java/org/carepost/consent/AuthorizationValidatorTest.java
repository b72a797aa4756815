package org.carepost.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.carepost.content.FieldProblem;
import org.junit.jupiter.api.Test;

class AuthorizationValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void completeAuthorizationIsValid() {
        AuthorizationValidator.Result result = AuthorizationValidator.validate(
                ConsentFixtures.complete(List.of("facebook", "x"), false), TODAY);
        assertThat(result.problems()).isEmpty();
        assertThat(result.valid().platforms()).containsExactly("facebook", "x");
        assertThat(result.valid().expiresOn()).isEqualTo(LocalDate.of(2099, 12, 31));
        assertThat(result.valid().scope().fullName()).isFalse();
    }

    @Test
    void emptyAuthorizationListsEveryMissingCoreElementAndStatement() {
        NewAuthorization empty = new NewAuthorization(null, " ", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        List<String> fields = AuthorizationValidator.validate(empty, TODAY).problems().stream()
                .map(FieldProblem::field).toList();
        assertThat(fields).containsExactlyInAnyOrder("patientName", "informationDescription", "discloser",
                "recipients", "purposes", "expiresOn", "signedBy", "signedOn", "personalRepresentative",
                "revocationRight", "treatmentConditioning", "redisclosureStatement", "platforms", "scope");
    }

    @Test
    void expirationEventReplacesADateAndARepresentativeMustStateTheirAuthority() {
        NewAuthorization a = ConsentFixtures.complete(List.of("facebook"), true);
        NewAuthorization byEvent = new NewAuthorization(a.patientName(), a.informationDescription(), a.discloser(),
                a.recipients(), a.purposes(), null, "End of the heart-month campaign", a.signedBy(), a.signedOn(),
                true, null, a.revocationRight(), a.treatmentConditioning(), a.redisclosureStatement(), a.platforms(),
                a.scope());
        assertThat(AuthorizationValidator.validate(byEvent, TODAY).problems()).extracting(FieldProblem::field)
                .containsExactly("representativeAuthority");
    }

    @Test
    void scopeMustBeExplicitAndDatesConsistent() {
        NewAuthorization a = ConsentFixtures.complete(List.of("myspace"), false);
        NewAuthorization bad = new NewAuthorization(a.patientName(), a.informationDescription(), a.discloser(),
                a.recipients(), a.purposes(), "2026-01-01", null, a.signedBy(), "2027-01-01", false, null,
                a.revocationRight(), a.treatmentConditioning(), a.redisclosureStatement(), a.platforms(),
                new NewAuthorization.Scope(true, null, false, false, null));
        assertThat(AuthorizationValidator.validate(bad, TODAY).problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("signedOn", "expiresOn", "platforms", "scope.fullName", "scope.dates");
    }

    @Test
    void problemsNameFieldsNeverValues() {
        NewAuthorization a = ConsentFixtures.complete(List.of("facebook"), false);
        NewAuthorization bad = new NewAuthorization(a.patientName(), a.informationDescription(), a.discloser(),
                a.recipients(), a.purposes(), "Jordan's birthday", null, a.signedBy(), a.signedOn(), false, null,
                a.revocationRight(), a.treatmentConditioning(), a.redisclosureStatement(), a.platforms(), a.scope());
        assertThat(AuthorizationValidator.validate(bad, TODAY).problems())
                .allSatisfy(p -> assertThat(p.message()).doesNotContain("Jordan"));
    }
}
