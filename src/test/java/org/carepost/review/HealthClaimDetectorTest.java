package org.carepost.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;

class HealthClaimDetectorTest {

    private final HealthClaimDetector detector = new HealthClaimDetector();

    @Test
    void findsClaimLanguage() {
        String text = "Our new therapy cures migraines, guaranteed. 100% safe and clinically proven: "
                + "90% of patients felt better. The best in the region. This drug lowers blood pressure.";
        assertThat(detector.detect(text)).extracting(HealthClaim::type).containsExactly(
                HealthClaim.Type.CURE, HealthClaim.Type.GUARANTEE, HealthClaim.Type.ABSOLUTE, HealthClaim.Type.PROVEN,
                HealthClaim.Type.STATISTIC, HealthClaim.Type.SUPERLATIVE, HealthClaim.Type.DRUG_EFFICACY);
        HealthClaim statistic = detector.detect(text).get(4);
        assertThat(text.substring(statistic.start(), statistic.end())).isEqualTo(statistic.phrase()).startsWith("90% of patients");
    }

    @Test
    void plainInformationHasNoClaims() {
        assertThat(detector.detect("Free blood-pressure checks in the lobby all February, 9 to 5.")).isEmpty();
        assertThat(detector.detect("")).isEmpty();
    }

    @Test
    void medicalApprovalNeedsASourcePerClaimOrARewrite() {
        MedicalReviewCheck.check(Decision.APPROVE, 2, "https://example.org/study\n10.1000/xyz123");
        MedicalReviewCheck.check(Decision.CHANGES, 2, null);
        MedicalReviewCheck.check(Decision.APPROVE, 0, null);
        assertThatThrownBy(() -> MedicalReviewCheck.check(Decision.APPROVE, 2, "https://example.org/study\ntrust me"))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("claimSources").hasMessageContaining("[2]");
        assertThatThrownBy(() -> MedicalReviewCheck.check(Decision.APPROVE, 1, null))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("[1]");
    }
}
