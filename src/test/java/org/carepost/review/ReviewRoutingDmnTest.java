package org.carepost.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads processes/review-routing.dmn as a compliance lead wrote it and proves the routing of every kind. */
class ReviewRoutingDmnTest {

    /** As the process engine evaluates it (application.yml: dmnFeelEnableLegacyBehavior). */
    private static final DmnEngine DMN = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration()).enableFeelLegacyBehavior(true).buildEngine();
    /** The FEEL a compliance lead reads about in Camunda Modeler's help. */
    private static final DmnEngine FEEL = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final Path MODEL = Path.of("processes/review-routing.dmn");

    private static RoutingOutcome route(Path model, RoutingFacts facts, List<String> coDepartments) throws Exception {
        DmnDecision decision;
        try (InputStream in = Files.newInputStream(model)) {
            decision = DMN.parseDecision("review-routing", in);
        }
        List<Map<String, Object>> rows = DMN.evaluateDecisionTable(decision, facts.toVariables()).getResultList();
        return RoutingOutcome.combine(rows, "cardiology", coDepartments);
    }

    private static RoutingOutcome route(RoutingFacts facts) throws Exception {
        return route(MODEL, facts, List.of());
    }

    private static RoutingFacts plain(String kind) {
        return new RoutingFacts(kind, false, false, false, false, 1);
    }

    @Test
    void everyOrdinaryKindGetsPrivacyLegalBrandAndTheAuthorsDepartmentWithinTwoDays() throws Exception {
        for (String kind : List.of("education", "promotion", "testimonial", "recruiting", "behind-the-scenes", "review-reply")) {
            RoutingOutcome outcome = route(plain(kind));
            assertThat(outcome.reviews()).as(kind).containsExactlyInAnyOrder(ReviewKind.PRIVACY, ReviewKind.LEGAL, ReviewKind.BRAND);
            assertThat(outcome.signoffDepartments()).as(kind).containsExactly("cardiology");
            assertThat(outcome.sla()).as(kind).isEqualTo("P2D");
            assertThat(outcome.publishImmediately()).as(kind).isFalse();
        }
    }

    @Test
    void crisisUpdateIsTheFastTrack() throws Exception {
        RoutingOutcome outcome = route(new RoutingFacts("crisis-update", false, true, true, true, 2));
        assertThat(outcome.reviews()).containsExactlyInAnyOrder(ReviewKind.PRIVACY, ReviewKind.COMMUNICATIONS);
        assertThat(outcome.signoffDepartments()).isEmpty();
        assertThat(outcome.sla()).isEqualTo("PT1H");
        assertThat(outcome.publishImmediately()).isTrue();
    }

    @Test
    void replyToAnOnlineReviewAlwaysGoesToPrivacy() throws Exception {
        for (boolean phi : List.of(false, true)) {
            assertThat(route(new RoutingFacts("review-reply", phi, false, false, false, 1)).reviews()).contains(ReviewKind.PRIVACY);
        }
    }

    @Test
    void healthClaimsAddTheMedicalReview() throws Exception {
        assertThat(route(new RoutingFacts("education", false, false, true, false, 1)).reviews())
                .containsExactlyInAnyOrder(ReviewKind.PRIVACY, ReviewKind.LEGAL, ReviewKind.BRAND, ReviewKind.MEDICAL);
        assertThat(route(new RoutingFacts("promotion", false, false, true, false, 1)).reviews()).contains(ReviewKind.MEDICAL);
        assertThat(route(plain("education")).reviews()).doesNotContain(ReviewKind.MEDICAL);
    }

    @Test
    void crossDepartmentPostNeedsEachDepartment() throws Exception {
        RoutingOutcome outcome = route(MODEL, new RoutingFacts("recruiting", false, false, false, false, 2), List.of("oncology"));
        assertThat(outcome.signoffDepartments()).containsExactly("cardiology", "oncology");
    }

    @Test
    void aComplianceLeadChangesARuleWithoutJava(@TempDir Path folder) throws Exception {
        // The lead decides that recruiting posts need a medical accuracy review too, and within one day.
        String xml = Files.readString(MODEL);
        String rule = "<rule id=\"Rule_EveryPostLegal\">";
        assertThat(xml).contains(rule);
        String added = "<rule id=\"Rule_RecruitingMedical\">\n"
                + "        <description>Recruiting posts: medical accuracy review within 1 day.</description>\n"
                + "        <inputEntry id=\"Rule_RecruitingMedical_in1\"><text>\"recruiting\"</text></inputEntry>\n"
                + "        <inputEntry id=\"Rule_RecruitingMedical_in2\"><text></text></inputEntry>\n"
                + "        <inputEntry id=\"Rule_RecruitingMedical_in3\"><text></text></inputEntry>\n"
                + "        <inputEntry id=\"Rule_RecruitingMedical_in4\"><text></text></inputEntry>\n"
                + "        <inputEntry id=\"Rule_RecruitingMedical_in5\"><text></text></inputEntry>\n"
                + "        <inputEntry id=\"Rule_RecruitingMedical_in6\"><text></text></inputEntry>\n"
                + "        <outputEntry id=\"Rule_RecruitingMedical_out1\"><text>\"medical\"</text></outputEntry>\n"
                + "        <outputEntry id=\"Rule_RecruitingMedical_out2\"><text></text></outputEntry>\n"
                + "        <outputEntry id=\"Rule_RecruitingMedical_out3\"><text>\"P1D\"</text></outputEntry>\n"
                + "        <outputEntry id=\"Rule_RecruitingMedical_out4\"><text></text></outputEntry>\n"
                + "      </rule>\n      " + rule;
        // ... and that brand no longer reviews behind-the-scenes posts.
        String edited = xml.replace(rule, added).replace(
                "<inputEntry id=\"Rule_EveryPostBrand_in1\"><text>not(&quot;crisis-update&quot;)</text></inputEntry>",
                "<inputEntry id=\"Rule_EveryPostBrand_in1\"><text>not(&quot;crisis-update&quot;, &quot;behind-the-scenes&quot;)</text></inputEntry>");
        assertThat(edited).isNotEqualTo(xml).contains("Rule_RecruitingMedical");
        Path copy = folder.resolve("review-routing.dmn");
        Files.writeString(copy, edited);

        assertThat(route(plain("recruiting")).reviews()).doesNotContain(ReviewKind.MEDICAL);
        RoutingOutcome recruiting = route(copy, plain("recruiting"), List.of());
        assertThat(recruiting.reviews()).contains(ReviewKind.MEDICAL);
        assertThat(recruiting.sla()).isEqualTo("P1D");
        assertThat(route(copy, plain("behind-the-scenes"), List.of()).reviews())
                .containsExactlyInAnyOrder(ReviewKind.PRIVACY, ReviewKind.LEGAL);
        assertThat(route(copy, plain("education"), List.of()).reviews()).contains(ReviewKind.BRAND);
    }

    @Test
    void theEnginesFeelDecidesAsFullFeelForEveryInput() throws Exception {
        DmnDecision legacy;
        DmnDecision full;
        try (InputStream a = Files.newInputStream(MODEL); InputStream b = Files.newInputStream(MODEL)) {
            legacy = DMN.parseDecision("review-routing", a);
            full = FEEL.parseDecision("review-routing", b);
        }
        int combinations = 0;
        for (String kind : List.of("education", "promotion", "testimonial", "crisis-update", "recruiting",
                "behind-the-scenes", "review-reply")) {
            for (int bits = 0; bits < 16; bits++) {
                for (int departments = 1; departments <= 3; departments++) {
                    Map<String, Object> in = new RoutingFacts(kind, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0,
                            (bits & 8) != 0, departments).toVariables();
                    assertThat(DMN.evaluateDecisionTable(legacy, in).getResultList()).as(in.toString())
                            .isEqualTo(FEEL.evaluateDecisionTable(full, in).getResultList());
                    combinations++;
                }
            }
        }
        assertThat(combinations).isEqualTo(7 * 16 * 3);
    }
}
