package org.carepost.review;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * Cost of one evaluation of the routing decision ({@code processes/review-routing.dmn}) in each expression language
 * setting the engine offers, side by side in one run (not a test). The decision table is the same in every variant:
 * what differs is who evaluates the input expressions ({@code contentKind} ...) and the rules' cells
 * ({@code not("crisis-update")}, {@code true}, {@code >= 2}).
 * <ul>
 *   <li>FEEL: the engine's default (feel-scala for input expressions, input and output entries);</li>
 *   <li>JUEL inputs: {@code expressionLanguage="juel"} on each input expression, cells still feel-scala;</li>
 *   <li>legacy FEEL: the engine's {@code dmnFeelEnableLegacyBehavior}: JUEL input expressions and output entries,
 *       the Java FEEL of Camunda 7.12 and earlier for the cells.</li>
 * </ul>
 * Every variant's results are compared with FEEL's for every input combination before anything is timed.
 * Run: mvn -B -Pbench -DskipTests test-compile exec:java -Dbench.main=org.carepost.review.RoutingDecisionBenchmark
 * [-Dexec.args="evaluations (200000)"]. Figures are this thread's CPU time, so other load on the machine matters less.
 */
public final class RoutingDecisionBenchmark {

    private static final String KINDS = "education promotion testimonial crisis-update recruiting behind-the-scenes review-reply";

    private record Variant(String name, DmnEngine engine, DmnDecision decision) {
    }

    public static void main(String[] args) throws Exception {
        int evaluations = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        String xml = Files.readString(Path.of("processes/review-routing.dmn"));
        String juelInputs = xml.replace("<inputExpression ", "<inputExpression expressionLanguage=\"juel\" ");

        List<Variant> variants = List.of(
                variant("FEEL (default)", engine(false), xml),
                variant("JUEL input expressions", engine(false), juelInputs),
                variant("legacy FEEL", engine(true), xml));

        List<Map<String, Object>> inputs = inputs();
        Variant reference = variants.get(0);
        for (Variant variant : variants.subList(1, variants.size())) {
            for (Map<String, Object> in : inputs) {
                Object expected = reference.engine().evaluateDecisionTable(reference.decision(), in).getResultList();
                Object actual = variant.engine().evaluateDecisionTable(variant.decision(), in).getResultList();
                if (!expected.equals(actual)) {
                    throw new IllegalStateException(variant.name() + " decides differently for " + in + ": " + actual
                            + " instead of " + expected);
                }
            }
        }
        System.out.printf("RoutingDecisionBenchmark: %d input combinations decide the same in every variant%n",
                inputs.size());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] micros = new double[variants.size()];
        for (int round = 0; round < 3; round++) { // round 0 warms up the JIT
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                long cpu0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < evaluations; i++) {
                    variant.engine().evaluateDecisionTable(variant.decision(), inputs.get(i % inputs.size()));
                }
                micros[v] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / evaluations;
            }
        }
        for (int v = 0; v < variants.size(); v++) {
            System.out.printf("%-24s %8.2f us CPU per evaluation  (%.2fx FEEL)%n", variants.get(v).name(), micros[v],
                    micros[v] / micros[0]);
        }
    }

    private static DmnEngine engine(boolean legacyFeel) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        return configuration.enableFeelLegacyBehavior(legacyFeel).buildEngine();
    }

    private static Variant variant(String name, DmnEngine engine, String xml) {
        DmnDecision decision = engine.parseDecision("review-routing",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return new Variant(name, engine, decision);
    }

    /** Every kind with every combination of the boolean facts, one and two departments. */
    private static List<Map<String, Object>> inputs() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (String kind : KINDS.split(" ")) {
            for (int bits = 0; bits < 16; bits++) {
                for (int departments = 1; departments <= 2; departments++) {
                    result.add(new RoutingFacts(kind, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0,
                            (bits & 8) != 0, departments).toVariables());
                }
            }
        }
        return result;
    }

    private RoutingDecisionBenchmark() {
    }
}
