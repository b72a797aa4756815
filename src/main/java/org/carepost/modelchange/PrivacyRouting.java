package org.carepost.modelchange;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.el.JuelElContextFactory;
import org.camunda.bpm.dmn.engine.impl.el.JuelElProvider;
import org.camunda.bpm.dmn.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.juel.el.ElContextFactory;
import org.camunda.bpm.dmn.feel.impl.juel.el.FeelElContextFactory;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.carepost.content.ContentKind;
import org.carepost.review.ReviewKind;
import org.carepost.review.RoutingFacts;
import org.carepost.review.RoutingOutcome;

/**
 * The check "privacy-review-for-patients": the proposed decision review-routing, evaluated as the engine evaluates
 * it (Camunda's DMN engine with {@code dmnFeelEnableLegacyBehavior}, as in application.yml), still routes to the
 * privacy review for every combination of its inputs in which a patient is concerned: PHI found, a patient
 * mentioned, or a kind that is about a patient (a testimonial, a reply to an online review). Every kind CarePost
 * knows and every kind the table names is tried with every yes/no input and one to three departments.
 */
final class PrivacyRouting {

    static final String CHECK = "privacy-review-for-patients";
    static final String DECISION = "review-routing";
    /** Kinds that are about a patient whatever the text says. */
    static final Set<String> PATIENT_KINDS = Set.of(ContentKind.TESTIMONIAL.code(), ContentKind.REVIEW_REPLY.code());
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final int SHOWN = 5;
    /**
     * The proposal is evaluated before anybody approved it, so its expressions may read the decision's inputs and
     * nothing else: no method call or property of any object (JUEL's bean resolver is left out, in input expressions
     * and in the legacy FEEL behind the table's cells alike) and no script language. A routing table needs none of
     * them; one that uses them fails the check ("the decision fails") instead of running the proposer's code.
     */
    static final DmnEngine ENGINE = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration()).enableFeelLegacyBehavior(true)
            .elProvider(new JuelElProvider(new ExpressionFactoryImpl(), new JuelElContextFactory(inputsOnly())))
            .feelEngineFactory(new FeelEngineFactoryImpl() {
                @Override
                protected ElContextFactory createElContextFactory() {
                    return new FeelElContextFactory() {
                        @Override
                        public ELResolver createElResolver() {
                            return new CompositeELResolver();
                        }
                    };
                }
            })
            .scriptEngineResolver(language -> null)
            .buildEngine();

    private static ELResolver inputsOnly() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableContextElResolver());
        return resolver;
    }

    private PrivacyRouting() {
    }

    static CheckFinding check(Map<String, byte[]> dmnFiles) {
        String file = null;
        DmnModelInstance model = null;
        for (Map.Entry<String, byte[]> dmn : dmnFiles.entrySet()) {
            DmnModelInstance candidate = Dmn.readModelFromStream(new ByteArrayInputStream(dmn.getValue()));
            if (candidate.getModelElementById(DECISION) instanceof Decision) {
                file = dmn.getKey();
                model = candidate;
            }
        }
        if (file == null) {
            return new CheckFinding(CHECK, false, "no DMN model defines the decision " + DECISION);
        }
        DmnDecision decision;
        try {
            decision = ENGINE.parseDecision(DECISION, new ByteArrayInputStream(dmnFiles.get(file)));
        } catch (RuntimeException e) {
            return new CheckFinding(CHECK, false, file + ": Camunda's DMN engine cannot read the decision " + DECISION
                    + ": " + e.getMessage());
        }
        List<String> missing = new ArrayList<>();
        int concerned = 0;
        // A kind the proposal's table names is tried too (a new kind added with its rules).
        for (RoutingFacts facts : combinations(kinds(model))) {
            if (!facts.phiPresent() && !facts.patientMentioned() && !PATIENT_KINDS.contains(facts.contentKind())) {
                continue;
            }
            concerned++;
            String problem = privacyRouted(decision, facts);
            if (problem != null) {
                missing.add(problem);
            }
        }
        if (missing.isEmpty()) {
            return new CheckFinding(CHECK, true, file + ": all " + concerned + " combinations of the inputs in which "
                    + "a patient is concerned route to the privacy review");
        }
        return new CheckFinding(CHECK, false, file + ": " + missing.size() + " of " + concerned
                + " combinations in which a patient is concerned do not route to the privacy review, e.g. "
                + String.join("; ", missing.subList(0, Math.min(SHOWN, missing.size()))));
    }

    /** Every kind CarePost knows, then every quoted value of the decision's input entries. */
    static Set<String> kinds(DmnModelInstance... models) {
        Set<String> kinds = new LinkedHashSet<>();
        for (ContentKind kind : ContentKind.values()) {
            kinds.add(kind.code());
        }
        for (DmnModelInstance model : models) {
            for (InputEntry entry : model.getModelElementsByType(InputEntry.class)) {
                String text = entry.getText() == null ? null : entry.getText().getTextContent();
                Matcher m = QUOTED.matcher(text == null ? "" : text);
                while (m.find()) {
                    kinds.add(m.group(1));
                }
            }
        }
        return kinds;
    }

    /** Every combination of the inputs for these kinds: each yes/no fact, one to three departments. */
    static List<RoutingFacts> combinations(Set<String> kinds) {
        List<RoutingFacts> all = new ArrayList<>();
        for (String kind : kinds) {
            for (int bits = 0; bits < 16; bits++) {
                for (int departments = 1; departments <= 3; departments++) {
                    all.add(new RoutingFacts(kind, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0,
                            departments));
                }
            }
        }
        return all;
    }

    /** The routing of these facts in words ("reviews brand, legal, privacy; sign-off ...; SLA P2D; ..."), or why none. */
    static String outcome(DmnDecision decision, RoutingFacts facts) {
        try {
            RoutingOutcome o = RoutingOutcome.combine(ENGINE.evaluateDecisionTable(decision, facts.toVariables())
                    .getResultList(), "author's department", List.of("other department"));
            String signoff = o.signoffDepartments().isEmpty() ? "no sign-off"
                    : o.signoffDepartments().size() == 1 ? "sign-off by the author's department" : "sign-off by each department";
            return "reviews " + String.join(", ", o.reviews().stream().map(ReviewKind::code).sorted().toList()) + "; "
                    + signoff + "; SLA " + o.sla() + "; " + (o.publishImmediately() ? "published immediately"
                    : "published at the scheduled time");
        } catch (RuntimeException e) {
            return "the decision fails (" + e.getMessage() + ")";
        }
    }

    /** Null when the decision routes these facts to privacy, else what happened, in words. */
    private static String privacyRouted(DmnDecision decision, RoutingFacts facts) {
        try {
            List<Map<String, Object>> rows = ENGINE.evaluateDecisionTable(decision, facts.toVariables()).getResultList();
            // Combined as the app combines them: an unknown review or sign-off is a failure, as it would be there.
            RoutingOutcome outcome = RoutingOutcome.combine(rows, "author's department", List.of());
            return outcome.reviews().contains(ReviewKind.PRIVACY) ? null : words(facts) + " (routed to "
                    + outcome.reviews().stream().map(ReviewKind::code).sorted().toList() + ")";
        } catch (RuntimeException e) {
            return words(facts) + " (the decision fails: " + e.getMessage() + ")";
        }
    }

    static String words(RoutingFacts f) {
        return "kind " + f.contentKind() + ", PHI " + yes(f.phiPresent()) + ", patient mentioned "
                + yes(f.patientMentioned()) + ", health claims " + yes(f.healthClaims()) + ", media "
                + yes(f.mediaAttached()) + ", " + f.departmentCount() + (f.departmentCount() == 1 ? " department" : " departments");
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
