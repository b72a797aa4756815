package org.carepost.modelchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** The reviewer's summary of real edits to the real models. */
class ChangeSummaryTest {

    private static final String DMN = "review-routing.dmn";
    private static final String SAME_ROUTING = "review-routing.dmn: decision review-routing: the routing is the same as "
            + "before for all 336 combinations of the inputs";
    private final ChangeSummary summary = new ChangeSummary();

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    private List<String> summarize(String file, String edited) throws IOException {
        return summary.between(ModelChecksTest.real(),
                new ModelResources(Map.of("models/" + file, edited.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aRulesAnnotationAndOneOutputChangedAreShownCellByCell() throws IOException {
        String xml = read("processes/" + DMN);
        String sla = "<outputEntry id=\"Rule_CrisisPrivacy_out3\"><text>&quot;PT1H&quot;</text></outputEntry>";
        String note = "Crisis fast track: privacy review within 1 hour, no department sign-off, published as soon as it is approved.";
        assertThat(xml).contains(sla).contains(note);
        String edited = xml.replace(sla, "<outputEntry id=\"Rule_CrisisPrivacy_out3\"><text>&quot;PT2H&quot;</text></outputEntry>")
                .replace(note, "Crisis fast track: privacy review within 2 hours.");

        List<String> lines = summarize(DMN, edited);

        assertThat(lines).containsExactly("review-routing.dmn: decision review-routing: changed rule 10 (Rule_CrisisPrivacy): "
                + "\u201CReview SLA (ISO-8601 duration)\u201D \"PT1H\" -> \"PT2H\"; annotation \u201C" + note
                + "\u201D -> \u201CCrisis fast track: privacy review within 2 hours.\u201D",
                // The communications review's PT1H still applies to a crisis update: the change has no effect.
                SAME_ROUTING);
    }

    @Test
    void aRuleAddedAndARuleRemovedAreShownWithTheirCellsAndAnnotation() throws IOException {
        String xml = read("processes/" + DMN);
        String start = "<rule id=\"Rule_MediaBrand\">";
        String end = "</rule>";
        int from = xml.indexOf(start);
        String mediaRule = xml.substring(from, xml.indexOf(end, from) + end.length());
        String added = mediaRule.replace("Rule_MediaBrand", "Rule_MediaPrivacy")
                .replace("<text>&quot;brand&quot;</text>", "<text>&quot;privacy&quot;</text>")
                .replace("Photos or video attached: brand checks what is visible (screens, wristbands, charts).",
                        "Photos or video attached: privacy checks faces and wristbands.");
        String edited = xml.replace(mediaRule, added);

        List<String> lines = summarize(DMN, edited);

        assertThat(lines).containsExactly(
                "review-routing.dmn: decision review-routing: added rule 7 (Rule_MediaPrivacy): when \u201CContent kind\u201D "
                        + "not(\"crisis-update\"), \u201CMedia attached\u201D true then \u201CReview needed\u201D \"privacy\" "
                        + "\u2014 \u201CPhotos or video attached: privacy checks faces and wristbands.\u201D",
                "review-routing.dmn: decision review-routing: removed rule Rule_MediaBrand: when \u201CContent kind\u201D "
                        + "not(\"crisis-update\"), \u201CMedia attached\u201D true then \u201CReview needed\u201D \"brand\" "
                        + "\u2014 \u201CPhotos or video attached: brand checks what is visible (screens, wristbands, charts).\u201D",
                SAME_ROUTING);
    }

    @Test
    void aRoutingChangeIsShownByItsEffectOnEveryCombinationOfTheInputs() throws IOException {
        // ReviewRoutingDmnTest's edit: recruiting posts get a medical review within a day; brand no longer reviews
        // behind-the-scenes posts (unless media are attached: the media rule still asks brand).
        String xml = read("processes/" + DMN);
        String rule = "<rule id=\"Rule_EveryPostLegal\">";
        String brand = "<inputEntry id=\"Rule_EveryPostBrand_in1\"><text>not(&quot;crisis-update&quot;)</text></inputEntry>";
        assertThat(xml).contains(rule, brand);
        String edited = xml.replace(rule, "<rule id=\"Rule_RecruitingMedical\">"
                + "<inputEntry id=\"m1\"><text>\"recruiting\"</text></inputEntry><inputEntry id=\"m2\"><text></text></inputEntry>"
                + "<inputEntry id=\"m3\"><text></text></inputEntry><inputEntry id=\"m4\"><text></text></inputEntry>"
                + "<inputEntry id=\"m5\"><text></text></inputEntry><inputEntry id=\"m6\"><text></text></inputEntry>"
                + "<outputEntry id=\"o1\"><text>\"medical\"</text></outputEntry><outputEntry id=\"o2\"><text></text></outputEntry>"
                + "<outputEntry id=\"o3\"><text>\"P1D\"</text></outputEntry><outputEntry id=\"o4\"><text></text></outputEntry>"
                + "</rule>" + rule).replace(brand, "<inputEntry id=\"Rule_EveryPostBrand_in1\"><text>"
                + "not(&quot;crisis-update&quot;, &quot;behind-the-scenes&quot;)</text></inputEntry>");

        List<String> lines = summarize(DMN, edited);

        String where = "review-routing.dmn: decision review-routing: ";
        assertThat(lines).startsWith(where + "added rule 2 (Rule_RecruitingMedical): when \u201CContent kind\u201D "
                        + "\"recruiting\" then \u201CReview needed\u201D \"medical\", \u201CReview SLA (ISO-8601 duration)\u201D \"P1D\"",
                where + "changed rule 4 (Rule_EveryPostBrand): \u201CContent kind\u201D not(\"crisis-update\") -> "
                        + "not(\"crisis-update\", \"behind-the-scenes\")",
                // 48 recruiting combinations, 24 behind-the-scenes ones without media.
                where + "the routing changes for 72 of 336 combinations of the inputs, the first 5:",
                where + "routing of kind recruiting, PHI no, patient mentioned no, health claims no, media no, 1 department: "
                        + "reviews brand, legal, privacy; sign-off by the author's department; SLA P2D; published at the "
                        + "scheduled time -> reviews brand, legal, medical, privacy; sign-off by the author's department; "
                        + "SLA P1D; published at the scheduled time");
        assertThat(lines).hasSize(8);
    }

    @Test
    void aTaskRenamedAFlowAddedAndAGroupChangedInTheProcess() throws IOException {
        byte[] edited = ModelChecksTest.approvalEdited(m -> {
            m.<UserTask>getModelElementById("legalReview").setName("Review legal and regulatory risk");
            m.<UserTask>getModelElementById("brandReview").setCamundaCandidateGroups("brand,communications");
            FlowNode gateway = m.getModelElementById("placeholdersLeft");
            SequenceFlow flow = m.newInstance(SequenceFlow.class);
            flow.setId("Flow_PlaceholdersToPrivacy");
            flow.setName("yes: ask privacy");
            gateway.getParentElement().addChildElement(flow);
            flow.setSource(gateway);
            flow.setTarget(m.getModelElementById("resolvePhi"));
            ConditionExpression condition = m.newInstance(ConditionExpression.class);
            condition.setTextContent("${placeholderCount > 3}");
            flow.setConditionExpression(condition);
            gateway.getOutgoing().add(flow);
        });

        List<String> lines = summary.between(ModelChecksTest.real(),
                new ModelResources(Map.of("content-approval.bpmn", edited, "review-routing.dmn",
                        Files.readAllBytes(Path.of("processes/review-routing.dmn")))));

        assertThat(lines).containsExactly(
                "content-approval.bpmn: renamed user task legalReview: \u201CReview legal risk\u201D -> "
                        + "\u201CReview legal and regulatory risk\u201D",
                "content-approval.bpmn: changed Review brand and voice (brandReview): candidateGroups \u201Cbrand\u201D -> "
                        + "\u201Cbrand,communications\u201D",
                "content-approval.bpmn: added flow \u201Cyes: ask privacy\u201D (Flow_PlaceholdersToPrivacy): Placeholders in "
                        + "the text? (placeholdersLeft) -> Decide on each patient detail (resolvePhi), when ${placeholderCount > 3}",
                "review-routing.dmn: unchanged");
    }

    @Test
    void aFormFieldRelabelledAndANewResourceAreShown() throws IOException {
        String form = read("forms/privacy-review.form");
        assertThat(form).contains("\"label\": \"Post\"");
        String edited = form.replace("\"label\": \"Post\"", "\"label\": \"Post title\"");

        List<String> lines = summary.between(ModelChecksTest.real(), new ModelResources(Map.of(
                "privacy-review.form", edited.getBytes(StandardCharsets.UTF_8),
                "new-process.bpmn", "<x/>".getBytes(StandardCharsets.UTF_8))));

        assertThat(lines).containsExactly("new-process.bpmn: new resource",
                "privacy-review.form: changed field \u201CPost title\u201D (draftView.title): label \u201CPost\u201D -> "
                        + "\u201CPost title\u201D");
    }

    @Test
    void aLayoutOnlyChangeSaysSo() throws IOException {
        String xml = read("processes/" + DMN);
        List<String> lines = summarize(DMN, xml.replace("<di:waypoint x=\"420\" y=\"140\" />", "<di:waypoint x=\"430\" y=\"140\" />"));
        assertThat(lines).containsExactly("review-routing.dmn: changed in layout, documentation or formatting only");
    }

    @Test
    void aListenerScriptAddedToATaskIsNeverHiddenFromTheReviewer() throws IOException {
        // Same name, same delegate, same groups: only an execution listener with a script is new.
        byte[] edited = ModelChecksTest.approvalEdited(m -> {
            UserTask legal = m.getModelElementById("legalReview");
            legal.builder().camundaExecutionListenerExpression("end", "${auditTrail.clear()}");
        });

        List<String> lines = summary.between(ModelChecksTest.real(),
                new ModelResources(Map.of("content-approval.bpmn", edited)));

        assertThat(lines).containsExactly("content-approval.bpmn: changed Review legal risk (legalReview): "
                + ChangeSummary.OTHER_SETTINGS);
    }
}
