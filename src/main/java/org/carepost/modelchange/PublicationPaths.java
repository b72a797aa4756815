package org.carepost.modelchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The graph check "phi-scan-on-every-path" on content-approval: no path from a start event to the element that
 * publishes may skip the PHI scan, the authorization check, the reviews or the pre-publication gate since the last
 * new version of the text. Steps are recognised by what they run (delegate bean, decision, called process), never
 * by their names, so renaming a task changes nothing.
 *
 * <p>The process is flattened into a graph of "element started" and "element completed" nodes: sequence flows
 * leave a completed element; a boundary event leaves a started one (the element did not complete, so its step is
 * not done on that path); an embedded subprocess starts its start events and completes from its plain end events;
 * an event subprocess may start whenever its scope runs (conservatively: before any step is done); link events
 * jump to their catch. The search walks (node, steps done) pairs breadth-first, so loops end and the first path
 * found for a gap is a shortest one. Parallel joins are treated as passable from any one branch, which can only
 * refuse too much, never accept too much.
 */
final class PublicationPaths {

    static final String CHECK = "phi-scan-on-every-path";
    static final String PROCESS = "content-approval";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern BEAN = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final int SHOWN_PATHS = 3;
    private static final String ROOT = "(start)";

    /** The steps every publication must have passed, and how each is recognised. */
    enum Step {
        PHI_SCAN("the PHI scan", e -> beans(e).contains("phiScanDelegate")),
        AUTHORIZATION("the authorization check", e -> (e instanceof Gateway g && g.getOutgoing().stream()
                .anyMatch(f -> condition(f).contains("authorizationRequirement")))
                || (e instanceof CallActivity c && "consent-capture".equals(c.getCalledElement()))),
        REVIEWS("the reviews (the routing decision review-routing)",
                e -> e instanceof BusinessRuleTask t && "review-routing".equals(t.getCamundaDecisionRef())),
        GATE("the pre-publication gate", e -> beans(e).contains("prePublicationGateDelegate"));

        final String words;
        final Predicate<FlowNode> recognises;

        Step(String words, Predicate<FlowNode> recognises) {
            this.words = words;
            this.recognises = recognises;
        }
    }

    private PublicationPaths() {
    }

    static CheckFinding check(Map<String, BpmnModelInstance> models) {
        Process process = null;
        String file = null;
        for (Map.Entry<String, BpmnModelInstance> model : models.entrySet()) {
            ModelElementInstance found = model.getValue().getModelElementById(PROCESS);
            if (found instanceof Process p) {
                process = p;
                file = model.getKey();
            }
        }
        if (process == null) {
            return new CheckFinding(CHECK, false, "no model defines the process " + PROCESS + ", so it cannot be checked");
        }
        Graph graph = new Graph();
        graph.scope(process.getFlowElements(), ROOT, null);
        List<FlowNode> publishers = graph.nodes.values().stream().filter(PublicationPaths::publishes).toList();
        if (publishers.isEmpty()) {
            return new CheckFinding(CHECK, false, file + ": no element of " + PROCESS + " publishes (a service task "
                    + "with delegate ${publishDelegate} or id publishToPlatforms), so the paths to publication cannot be checked");
        }
        List<String> gaps = graph.gaps(publishers);
        if (gaps.isEmpty()) {
            return new CheckFinding(CHECK, true, file + ": every path from a start event to "
                    + publishers.stream().map(PublicationPaths::label).collect(Collectors.joining(", "))
                    + " passes " + wordsOf(EnumSet.allOf(Step.class)) + " after the last new version of the text");
        }
        return new CheckFinding(CHECK, false, file + ": " + String.join("; ", gaps));
    }

    /** "Name (id)", or the id of an element without a name. */
    static String label(FlowElement element) {
        String name = element.getName();
        return name == null || name.isBlank() ? element.getId() : name.strip().replaceAll("\\s+", " ") + " (" + element.getId() + ")";
    }

    private static boolean publishes(FlowNode node) {
        return beans(node).contains("publishDelegate") || "publishToPlatforms".equals(node.getId());
    }

    /** Completing one of these writes a new version of the text: every step is due again. */
    private static boolean newVersion(FlowNode node) {
        if (!(node instanceof UserTask task) || task.getExtensionElements() == null) {
            return false;
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .flatMap(l -> beansOf(l.getCamundaDelegateExpression(), l.getCamundaExpression(), l.getCamundaClass()).stream())
                .anyMatch(b -> b.equals("reviseTaskListener") || b.equals("resolvePhiTaskListener"));
    }

    /** The beans (or classes, as bean names) an element runs: delegateExpression, expression, class. */
    private static Set<String> beans(FlowNode node) {
        return beansOf(node.getAttributeValueNs(CAMUNDA, "delegateExpression"),
                node.getAttributeValueNs(CAMUNDA, "expression"), node.getAttributeValueNs(CAMUNDA, "class"));
    }

    private static Set<String> beansOf(String delegateExpression, String expression, String className) {
        Set<String> beans = new HashSet<>();
        for (String e : new String[] {delegateExpression, expression}) {
            if (e != null) {
                Matcher m = BEAN.matcher(e.strip());
                if (m.find()) {
                    beans.add(m.group(1));
                }
            }
        }
        if (className != null && !className.isBlank()) {
            String simple = className.strip().substring(className.strip().lastIndexOf('.') + 1);
            beans.add(Character.toLowerCase(simple.charAt(0)) + simple.substring(1));
        }
        return beans;
    }

    private static String condition(SequenceFlow flow) {
        ConditionExpression c = flow.getConditionExpression();
        return c == null || c.getTextContent() == null ? "" : c.getTextContent();
    }

    private static String wordsOf(Collection<Step> steps) {
        List<String> words = steps.stream().map(s -> s.words).toList();
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** The flattened process: nodes "id:in" (started) and "id:out" (completed). */
    private static final class Graph {

        private final Map<String, FlowNode> nodes = new LinkedHashMap<>();
        private final Map<String, Set<String>> edges = new HashMap<>();
        private final Set<String> resets = new HashSet<>();

        private void edge(String from, String to) {
            edges.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
        }

        private static String in(FlowNode n) {
            return n.getId() + ":in";
        }

        private static String out(FlowNode n) {
            return n.getId() + ":out";
        }

        /** One scope's elements; {@code entry} starts its start events, {@code exit} (or null) is its completion. */
        void scope(Collection<FlowElement> elements, String entry, String exit) {
            Map<String, List<FlowNode>> linkCatches = new HashMap<>();
            List<FlowNode> linkThrows = new ArrayList<>();
            boolean hasStart = false;
            for (FlowElement element : elements) {
                if (!(element instanceof FlowNode node)) {
                    continue;
                }
                if (node instanceof SubProcess sub && sub.triggeredByEvent()) {
                    // It may start whenever its scope runs, and ends that scope when it is interrupting.
                    scope(sub.getFlowElements(), entry, exit);
                    continue;
                }
                nodes.put(node.getId(), node);
                for (SequenceFlow flow : node.getOutgoing()) {
                    edge(out(node), in(flow.getTarget()));
                }
                if (node instanceof StartEvent) {
                    hasStart = true;
                    edge(entry, in(node));
                }
                if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
                    edge(in(boundary.getAttachedTo()), in(node));
                }
                if (node instanceof EndEvent end && exit != null && end.getEventDefinitions().isEmpty()) {
                    edge(out(node), exit);
                }
                linkName(node).ifPresent(name -> {
                    if (node instanceof ThrowEvent) {
                        linkThrows.add(node);
                    } else if (node instanceof CatchEvent) {
                        linkCatches.computeIfAbsent(name, k -> new ArrayList<>()).add(node);
                    }
                });
                if (node instanceof SubProcess sub) {
                    scope(sub.getFlowElements(), in(node), out(node));
                    boolean innerStart = sub.getFlowElements().stream().anyMatch(e -> e instanceof StartEvent);
                    if (!innerStart) {
                        List<FlowNode> first = sub.getFlowElements().stream()
                                .filter(e -> e instanceof FlowNode n && !(n instanceof BoundaryEvent)
                                        && !(n instanceof SubProcess s && s.triggeredByEvent()) && n.getIncoming().isEmpty())
                                .map(FlowNode.class::cast).toList();
                        first.forEach(n -> edge(in(node), in(n)));
                        if (first.isEmpty()) {
                            edge(in(node), out(node));
                        }
                    }
                } else {
                    edge(in(node), out(node));
                }
            }
            for (FlowNode thrower : linkThrows) {
                linkName(thrower).ifPresent(name -> linkCatches.getOrDefault(name, List.of())
                        .forEach(c -> edge(out(thrower), in(c))));
            }
            if (!hasStart && ROOT.equals(entry)) {
                // A process without a start event still has to be entered somewhere: its first elements.
                elements.stream().filter(e -> e instanceof FlowNode n && n.getIncoming().isEmpty()
                        && !(n instanceof BoundaryEvent)).forEach(e -> edge(entry, in((FlowNode) e)));
            }
        }

        private static java.util.Optional<String> linkName(FlowNode node) {
            Collection<EventDefinition> definitions = node instanceof CatchEvent c ? c.getEventDefinitions()
                    : node instanceof ThrowEvent t ? t.getEventDefinitions() : List.of();
            return definitions.stream().filter(d -> d instanceof LinkEventDefinition)
                    .map(d -> ((LinkEventDefinition) d).getName()).filter(n -> n != null).findFirst();
        }

        private record State(String node, int done) {
        }

        /** Each distinct way of reaching a publisher with a step undone, as "path A -> B -> C skips X". */
        List<String> gaps(List<FlowNode> publishers) {
            Map<String, Integer> stepsOf = new HashMap<>();
            for (FlowNode node : nodes.values()) {
                int bits = 0;
                for (Step step : Step.values()) {
                    if (step.recognises.test(node)) {
                        bits |= 1 << step.ordinal();
                    }
                }
                stepsOf.put(out(node), bits);
                if (newVersion(node)) {
                    resets.add(out(node));
                }
            }
            int all = (1 << Step.values().length) - 1;
            Set<String> targets = publishers.stream().map(Graph::in).collect(Collectors.toSet());
            Map<State, State> parent = new HashMap<>();
            State start = new State(ROOT, 0);
            parent.put(start, null);
            Deque<State> queue = new ArrayDeque<>(List.of(start));
            List<String> gaps = new ArrayList<>();
            Set<Integer> reported = new HashSet<>();
            while (!queue.isEmpty() && gaps.size() < SHOWN_PATHS) {
                State state = queue.poll();
                if (targets.contains(state.node()) && state.done() != all) {
                    if (reported.add(state.done())) {
                        gaps.add(describe(state, parent));
                    }
                    continue;
                }
                for (String next : edges.getOrDefault(state.node(), Set.of())) {
                    int done = resets.contains(next) ? 0 : state.done();
                    done |= stepsOf.getOrDefault(next, 0);
                    State following = new State(next, done);
                    if (!parent.containsKey(following)) {
                        parent.put(following, state);
                        queue.add(following);
                    }
                }
            }
            return gaps;
        }

        private String describe(State end, Map<State, State> parent) {
            List<String> ids = new ArrayList<>();
            String lastNewVersion = null;
            for (State s = end; s != null; s = parent.get(s)) {
                if (ROOT.equals(s.node())) {
                    continue;
                }
                String id = s.node().substring(0, s.node().lastIndexOf(':'));
                if (lastNewVersion == null && resets.contains(s.node())) {
                    lastNewVersion = id;
                }
                if (ids.isEmpty() || !ids.get(0).equals(id)) {
                    ids.add(0, id);
                }
            }
            EnumSet<Step> skipped = EnumSet.noneOf(Step.class);
            for (Step step : Step.values()) {
                if ((end.done() & (1 << step.ordinal())) == 0) {
                    skipped.add(step);
                }
            }
            String path = ids.stream().map(id -> label(nodes.get(id))).collect(Collectors.joining(" -> "));
            return "path " + path + " skips " + wordsOf(skipped) + (lastNewVersion == null ? ""
                    : " after the new version written in " + label(nodes.get(lastNewVersion)));
        }
    }
}
