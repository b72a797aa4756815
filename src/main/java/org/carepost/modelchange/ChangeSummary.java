package org.carepost.modelchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.carepost.review.RoutingFacts;
import org.springframework.stereotype.Component;

/**
 * A readable summary of a proposed change for its reviewer: per resource, the elements and sequence flows added,
 * removed and renamed (BPMN), the rules added, removed and changed row by row with their annotations (DMN), and
 * the resources new or unchanged.
 */
@Component
public class ChangeSummary {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** What an element does, beyond its name: a change here changes behaviour. */
    private static final List<String> CAMUNDA_SETTINGS = List.of("delegateExpression", "class", "expression",
            "decisionRef", "candidateGroups", "candidateUsers", "assignee", "formRef", "dueDate", "asyncBefore",
            "asyncAfter");
    private static final List<String> BPMN_SETTINGS = List.of("calledElement", "attachedToRef", "cancelActivity", "default");

    private static final int ROUTING_SHOWN = 5;
    /**
     * Said of an element whose listeners, scripts, input/output mappings, timers or any setting not named above
     * changed: the summary does not spell them out, but it never hides that they changed (a script added to a task
     * keeps its name and its delegate, and must still reach the reviewer's eyes).
     */
    static final String OTHER_SETTINGS = "listeners, scripts, mappings or other settings changed (read the XML)";

    private final ObjectMapper json = new ObjectMapper();

    /** One line per change, in resource order; a resource without a change says so in one line. */
    public List<String> between(ModelResources inForce, ModelResources proposed) {
        Map<String, byte[]> current = new LinkedHashMap<>();
        inForce.byName().forEach((name, bytes) -> current.put(ModelChecks.baseName(name), bytes));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, byte[]> resource : proposed.byName().entrySet()) {
            String file = ModelChecks.baseName(resource.getKey());
            byte[] before = current.get(file);
            byte[] after = resource.getValue();
            if (before == null) {
                lines.add(file + ": new resource");
            } else if (Arrays.equals(before, after)) {
                lines.add(file + ": unchanged");
            } else {
                List<String> changes;
                try {
                    changes = file.endsWith(".bpmn") ? bpmn(before, after)
                            : file.endsWith(".dmn") ? dmn(before, after)
                            : file.endsWith(".form") ? form(before, after) : List.of("changed");
                } catch (Exception e) {
                    changes = List.of("changed, but one of its versions cannot be read (see the check \"parses\")");
                }
                if (changes.isEmpty()) {
                    changes = List.of("changed in layout, documentation or formatting only");
                }
                changes.forEach(c -> lines.add(file + ": " + c));
            }
        }
        return lines;
    }

    // ---- BPMN

    private List<String> bpmn(byte[] before, byte[] after) {
        BpmnModelInstance a = Bpmn.readModelFromStream(new ByteArrayInputStream(before));
        BpmnModelInstance b = Bpmn.readModelFromStream(new ByteArrayInputStream(after));
        List<String> lines = new ArrayList<>();
        Map<String, Process> processesA = byId(a.getModelElementsByType(Process.class), Process::getId);
        for (Process p : b.getModelElementsByType(Process.class)) {
            Process old = processesA.get(p.getId());
            if (old != null && !Objects.equals(old.getCamundaHistoryTimeToLiveString(), p.getCamundaHistoryTimeToLiveString())) {
                lines.add("process " + p.getId() + ": history kept " + quote(old.getCamundaHistoryTimeToLiveString())
                        + " -> " + quote(p.getCamundaHistoryTimeToLiveString()));
            }
        }
        // Both written out by Camunda's model API, so a default it writes (gatewayDirection, say) is on both sides.
        Map<String, org.w3c.dom.Element> domA = elementsById(Bpmn.convertToString(a));
        Map<String, org.w3c.dom.Element> domB = elementsById(Bpmn.convertToString(b));
        Map<String, FlowNode> nodesA = byId(a.getModelElementsByType(FlowNode.class), FlowNode::getId);
        Map<String, FlowNode> nodesB = byId(b.getModelElementsByType(FlowNode.class), FlowNode::getId);
        nodesB.values().stream().filter(n -> !nodesA.containsKey(n.getId()))
                .forEach(n -> lines.add("added " + type(n) + " " + PublicationPaths.label(n) + settings(n)
                        + (n.getDomElement().getChildElements().stream().anyMatch(c -> !c.getLocalName().equals("incoming")
                        && !c.getLocalName().equals("outgoing") && !c.getLocalName().equals("documentation"))
                        ? "; with " + OTHER_SETTINGS : "")));
        nodesA.values().stream().filter(n -> !nodesB.containsKey(n.getId()))
                .forEach(n -> lines.add("removed " + type(n) + " " + PublicationPaths.label(n)));
        for (FlowNode n : nodesB.values()) {
            FlowNode old = nodesA.get(n.getId());
            if (old == null) {
                continue;
            }
            if (!Objects.equals(old.getName(), n.getName())) {
                lines.add("renamed " + type(n) + " " + n.getId() + ": " + quote(old.getName()) + " -> " + quote(n.getName()));
            }
            if (!type(old).equals(type(n))) {
                lines.add("changed " + PublicationPaths.label(n) + ": " + type(old) + " -> " + type(n));
            }
            for (String setting : CAMUNDA_SETTINGS) {
                differs(lines, n, setting, old.getAttributeValueNs(CAMUNDA, setting), n.getAttributeValueNs(CAMUNDA, setting));
            }
            for (String setting : BPMN_SETTINGS) {
                differs(lines, n, setting, old.getAttributeValue(setting), n.getAttributeValue(setting));
            }
            if (!otherSettings(domA.get(n.getId())).equals(otherSettings(domB.get(n.getId())))) {
                lines.add("changed " + PublicationPaths.label(n) + ": " + OTHER_SETTINGS);
            }
        }
        for (Process p : b.getModelElementsByType(Process.class)) {
            Process old = processesA.get(p.getId());
            if (old != null && !processSettings(domA.get(p.getId())).equals(processSettings(domB.get(p.getId())))) {
                lines.add("changed process " + p.getId() + ": " + OTHER_SETTINGS);
            }
        }
        Map<String, SequenceFlow> flowsA = byId(a.getModelElementsByType(SequenceFlow.class), SequenceFlow::getId);
        Map<String, SequenceFlow> flowsB = byId(b.getModelElementsByType(SequenceFlow.class), SequenceFlow::getId);
        flowsB.values().stream().filter(f -> !flowsA.containsKey(f.getId()))
                .forEach(f -> lines.add("added flow " + flow(f)));
        flowsA.values().stream().filter(f -> !flowsB.containsKey(f.getId()))
                .forEach(f -> lines.add("removed flow " + flow(f)));
        for (SequenceFlow f : flowsB.values()) {
            SequenceFlow old = flowsA.get(f.getId());
            if (old != null && !flowKey(old).equals(flowKey(f))) {
                lines.add("changed flow " + flow(old) + " -> now " + flow(f));
            }
        }
        return lines;
    }

    /** Everything of an element but what the lines above compare (its name and the named settings), canonical. */
    private static String otherSettings(org.w3c.dom.Element element) {
        if (element == null) {
            return "";
        }
        Set<String> compared = new java.util.HashSet<>(CAMUNDA_SETTINGS);
        compared.addAll(BPMN_SETTINGS);
        compared.add("name");
        StringBuilder out = new StringBuilder();
        canonical(element, compared, Set.of("incoming", "outgoing", "documentation"), out);
        return out.toString();
    }

    /** A process's own settings and listeners, without its elements (compared one by one above). */
    private static String processSettings(org.w3c.dom.Element element) {
        StringBuilder out = new StringBuilder();
        for (org.w3c.dom.Node child = element == null ? null : element.getFirstChild(); child != null;
             child = child.getNextSibling()) {
            if (child instanceof org.w3c.dom.Element e && "extensionElements".equals(e.getLocalName())) {
                canonical(e, Set.of(), Set.of(), out);
            }
        }
        return out.toString();
    }

    /** The model's XML elements by id, parsed as Camunda parses models (no DOCTYPE, no external entities). */
    private static Map<String, org.w3c.dom.Element> elementsById(String xml) {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            org.w3c.dom.NodeList all = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)))
                    .getElementsByTagNameNS("*", "*");
            Map<String, org.w3c.dom.Element> byId = new LinkedHashMap<>();
            for (int i = 0; i < all.getLength(); i++) {
                org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
                if (e.hasAttribute("id")) {
                    byId.putIfAbsent(e.getAttribute("id"), e);
                }
            }
            return byId;
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException e) {
            throw new IllegalArgumentException("The model could not be read: " + e.getMessage(), e);
        }
    }

    private static void canonical(org.w3c.dom.Element element, Set<String> skippedAttributes, Set<String> skippedChildren,
                                  StringBuilder out) {
        out.append('<').append(element.getNamespaceURI()).append(':').append(element.getLocalName());
        java.util.TreeMap<String, String> attributes = new java.util.TreeMap<>();
        org.w3c.dom.NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            org.w3c.dom.Node a = map.item(i);
            String local = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI()) && !skippedAttributes.contains(local)) {
                attributes.put(a.getNamespaceURI() + ":" + local, a.getNodeValue());
            }
        }
        attributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
        out.append('>');
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof org.w3c.dom.Element e) {
                if (!skippedChildren.contains(e.getLocalName()) && !(!skippedChildren.isEmpty() && innerElement(e))) {
                    canonical(e, Set.of(), Set.of(), out);
                }
            } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue().strip();
                if (!text.isEmpty()) {
                    out.append(text);
                }
            }
        }
        out.append("</>");
    }

    /** An element inside a subprocess: compared on its own, so its change is not said again of the subprocess. */
    private static boolean innerElement(org.w3c.dom.Element e) {
        String name = e.getLocalName();
        return name.endsWith("Task") || name.endsWith("Event") || name.endsWith("Gateway") || name.endsWith("Process")
                || name.equals("transaction") || name.equals("callActivity") || name.equals("sequenceFlow")
                || name.equals("textAnnotation") || name.equals("association") || name.equals("laneSet")
                || name.startsWith("data") && !name.endsWith("Association");
    }

    private static void differs(List<String> lines, FlowNode n, String setting, String before, String after) {
        if (!Objects.equals(before, after)) {
            lines.add("changed " + PublicationPaths.label(n) + ": " + setting + " " + quote(before) + " -> " + quote(after));
        }
    }

    /** "user task", "exclusive gateway", ... from the element's type. */
    private static String type(FlowNode n) {
        return n.getElementType().getTypeName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String settings(FlowNode n) {
        String s = CAMUNDA_SETTINGS.stream().filter(k -> n.getAttributeValueNs(CAMUNDA, k) != null)
                .map(k -> k + " " + quote(n.getAttributeValueNs(CAMUNDA, k))).collect(Collectors.joining(", "));
        return s.isEmpty() ? "" : " (" + s + ")";
    }

    /** "'label' (id): from -> to, when condition". */
    private static String flow(SequenceFlow f) {
        ConditionExpression c = f.getConditionExpression();
        String condition = c == null || c.getTextContent() == null || c.getTextContent().isBlank() ? ""
                : ", when " + c.getTextContent().strip();
        String label = f.getName() == null || f.getName().isBlank() ? "" : quote(f.getName()) + " ";
        return label + "(" + f.getId() + "): " + name(f.getSource()) + " -> " + name(f.getTarget()) + condition;
    }

    /** What a flow means, by ids (a renamed end does not change the flow). */
    private static List<String> flowKey(SequenceFlow f) {
        ConditionExpression c = f.getConditionExpression();
        return Arrays.asList(f.getName(), f.getSource() == null ? null : f.getSource().getId(),
                f.getTarget() == null ? null : f.getTarget().getId(), c == null ? null : c.getTextContent());
    }

    private static String name(FlowNode n) {
        return n == null ? "?" : PublicationPaths.label(n);
    }

    // ---- DMN

    private List<String> dmn(byte[] before, byte[] after) {
        DmnModelInstance a = Dmn.readModelFromStream(new ByteArrayInputStream(before));
        DmnModelInstance b = Dmn.readModelFromStream(new ByteArrayInputStream(after));
        List<String> lines = new ArrayList<>();
        Map<String, Decision> decisionsA = byId(a.getModelElementsByType(Decision.class), Decision::getId);
        for (Decision d : b.getModelElementsByType(Decision.class)) {
            Decision old = decisionsA.get(d.getId());
            if (old == null) {
                lines.add("added decision " + d.getId());
                continue;
            }
            if (!(old.getExpression() instanceof DecisionTable ta) || !(d.getExpression() instanceof DecisionTable tb)) {
                continue;
            }
            String where = "decision " + d.getId() + ": ";
            if (ta.getHitPolicy() != tb.getHitPolicy()) {
                lines.add(where + "hit policy " + ta.getHitPolicy() + " -> " + tb.getHitPolicy());
            }
            columns(lines, where, "input", byId(ta.getInputs(), Input::getId), byId(tb.getInputs(), Input::getId));
            columns(lines, where, "output", byId(ta.getOutputs(), Output::getId), byId(tb.getOutputs(), Output::getId));
            List<String> headers = new ArrayList<>();
            tb.getInputs().forEach(i -> headers.add(columnName(i)));
            tb.getOutputs().forEach(o -> headers.add(columnName(o)));
            Map<String, Rule> rulesA = byId(ta.getRules(), Rule::getId);
            Map<String, Rule> rulesB = byId(tb.getRules(), Rule::getId);
            int row = 0;
            for (Rule rule : tb.getRules()) {
                row++;
                Rule oldRule = rulesA.get(rule.getId());
                if (oldRule == null) {
                    lines.add(where + "added rule " + row + " (" + rule.getId() + "): " + cells(rule, headers)
                            + annotation(rule));
                    continue;
                }
                List<String> changes = new ArrayList<>();
                List<String> oldCells = cellList(oldRule);
                List<String> newCells = cellList(rule);
                for (int i = 0; i < Math.max(oldCells.size(), newCells.size()); i++) {
                    String o = i < oldCells.size() ? oldCells.get(i) : "";
                    String n = i < newCells.size() ? newCells.get(i) : "";
                    if (!o.equals(n)) {
                        changes.add((i < headers.size() ? headers.get(i) : "column " + (i + 1)) + " " + cell(o) + " -> " + cell(n));
                    }
                }
                if (!Objects.equals(text(oldRule), text(rule))) {
                    changes.add("annotation " + quote(text(oldRule)) + " -> " + quote(text(rule)));
                }
                if (!changes.isEmpty()) {
                    lines.add(where + "changed rule " + row + " (" + rule.getId() + "): " + String.join("; ", changes));
                }
            }
            for (Rule rule : ta.getRules()) {
                if (!rulesB.containsKey(rule.getId())) {
                    List<String> oldHeaders = new ArrayList<>();
                    ta.getInputs().forEach(i -> oldHeaders.add(columnName(i)));
                    ta.getOutputs().forEach(o -> oldHeaders.add(columnName(o)));
                    lines.add(where + "removed rule " + rule.getId() + ": " + cells(rule, oldHeaders) + annotation(rule));
                }
            }
            List<String> orderA = ta.getRules().stream().map(Rule::getId).filter(rulesB::containsKey).toList();
            List<String> orderB = tb.getRules().stream().map(Rule::getId).filter(rulesA::containsKey).toList();
            if (!orderA.equals(orderB)) {
                lines.add(where + "rules reordered (matters for hit policies FIRST and RULE ORDER)");
            }
            if (PrivacyRouting.DECISION.equals(d.getId()) && lines.stream().anyMatch(l -> l.startsWith(where))) {
                lines.addAll(routingEffect(where, a, b, before, after));
            }
        }
        return lines;
    }

    /**
     * What a change of review-routing does: both versions evaluated (as the engine does) on every combination of
     * the inputs, and the combinations whose routing differs, in words.
     */
    private static List<String> routingEffect(String where, DmnModelInstance a, DmnModelInstance b, byte[] before,
                                              byte[] after) {
        DmnDecision old;
        DmnDecision proposed;
        try {
            old = PrivacyRouting.ENGINE.parseDecision(PrivacyRouting.DECISION, new ByteArrayInputStream(before));
            proposed = PrivacyRouting.ENGINE.parseDecision(PrivacyRouting.DECISION, new ByteArrayInputStream(after));
        } catch (RuntimeException e) {
            return List.of(where + "its effect on the routing cannot be computed: " + e.getMessage());
        }
        List<RoutingFacts> all = PrivacyRouting.combinations(PrivacyRouting.kinds(a, b));
        List<String> changed = new ArrayList<>();
        for (RoutingFacts facts : all) {
            String was = PrivacyRouting.outcome(old, facts);
            String is = PrivacyRouting.outcome(proposed, facts);
            if (!was.equals(is)) {
                changed.add(where + "routing of " + PrivacyRouting.words(facts) + ": " + was + " -> " + is);
            }
        }
        List<String> lines = new ArrayList<>();
        if (changed.isEmpty()) {
            lines.add(where + "the routing is the same as before for all " + all.size() + " combinations of the inputs");
        } else {
            lines.add(where + "the routing changes for " + changed.size() + " of " + all.size()
                    + " combinations of the inputs" + (changed.size() > ROUTING_SHOWN ? ", the first " + ROUTING_SHOWN + ":" : ":"));
            lines.addAll(changed.subList(0, Math.min(ROUTING_SHOWN, changed.size())));
        }
        return lines;
    }

    private static <T extends DmnElement> void columns(List<String> lines, String where, String kind,
                                                       Map<String, T> before, Map<String, T> after) {
        after.values().stream().filter(c -> !before.containsKey(c.getId()))
                .forEach(c -> lines.add(where + "added " + kind + " column " + columnName(c)));
        before.values().stream().filter(c -> !after.containsKey(c.getId()))
                .forEach(c -> lines.add(where + "removed " + kind + " column " + columnName(c)));
        for (T c : after.values()) {
            T old = before.get(c.getId());
            if (old != null && !columnName(old).equals(columnName(c))) {
                lines.add(where + "renamed " + kind + " column " + columnName(old) + " -> " + columnName(c));
            }
        }
    }

    private static String columnName(DmnElement column) {
        if (column.getLabel() != null && !column.getLabel().isBlank()) {
            return quote(column.getLabel());
        }
        if (column instanceof Input i && i.getInputExpression() != null && i.getInputExpression().getText() != null) {
            return quote(i.getInputExpression().getText().getTextContent());
        }
        if (column instanceof Output o && o.getName() != null) {
            return quote(o.getName());
        }
        return column.getId();
    }

    private static List<String> cellList(Rule rule) {
        List<String> cells = new ArrayList<>();
        for (InputEntry in : rule.getInputEntries()) {
            cells.add(in.getText() == null || in.getText().getTextContent() == null ? "" : in.getText().getTextContent().strip());
        }
        for (OutputEntry out : rule.getOutputEntries()) {
            cells.add(out.getText() == null || out.getText().getTextContent() == null ? "" : out.getText().getTextContent().strip());
        }
        return cells;
    }

    /** The non-empty cells of a row: "when 'Content kind' testimonial, then 'Review needed' "privacy"". */
    private static String cells(Rule rule, List<String> headers) {
        List<String> cells = cellList(rule);
        int inputs = rule.getInputEntries().size();
        List<String> when = new ArrayList<>();
        List<String> then = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                (i < inputs ? when : then).add((i < headers.size() ? headers.get(i) : "column " + (i + 1)) + " " + cells.get(i));
            }
        }
        return "when " + (when.isEmpty() ? "always" : String.join(", ", when)) + " then "
                + (then.isEmpty() ? "nothing" : String.join(", ", then));
    }

    private static String cell(String s) {
        return s.isEmpty() ? "(any / nothing)" : s;
    }

    private static String text(Rule rule) {
        return rule.getDescription() == null ? null : rule.getDescription().getTextContent().strip();
    }

    private static String annotation(Rule rule) {
        return text(rule) == null ? "" : " \u2014 " + quote(text(rule));
    }

    // ---- forms

    private List<String> form(byte[] before, byte[] after) throws java.io.IOException {
        Map<String, JsonNode> a = fields(json.readTree(before));
        Map<String, JsonNode> b = fields(json.readTree(after));
        List<String> lines = new ArrayList<>();
        b.forEach((key, field) -> {
            if (!a.containsKey(key)) {
                lines.add("added field " + field(key, field));
            }
        });
        a.forEach((key, field) -> {
            if (!b.containsKey(key)) {
                lines.add("removed field " + field(key, field));
            }
        });
        b.forEach((key, field) -> {
            JsonNode old = a.get(key);
            if (old == null || old.equals(field)) {
                return;
            }
            List<String> changes = new ArrayList<>();
            for (String property : List.of("label", "type", "text", "disabled", "readonly")) {
                if (!Objects.equals(old.path(property).asText(null), field.path(property).asText(null))) {
                    changes.add(property + " " + quote(old.path(property).asText(null)) + " -> " + quote(field.path(property).asText(null)));
                }
            }
            if (!old.path("validate").equals(field.path("validate"))) {
                changes.add("validation " + old.path("validate") + " -> " + field.path("validate"));
            }
            if (!old.path("conditional").equals(field.path("conditional"))) {
                changes.add("shown when " + old.path("conditional") + " -> " + field.path("conditional"));
            }
            if (changes.isEmpty()) {
                changes.add("other settings");
            }
            lines.add("changed field " + field(key, field) + ": " + String.join("; ", changes));
        });
        return lines;
    }

    /** Every component of a form (nested groups too), by key, else by id. */
    private static Map<String, JsonNode> fields(JsonNode form) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        collect(form.path("components"), fields);
        return fields;
    }

    private static void collect(JsonNode components, Map<String, JsonNode> fields) {
        for (JsonNode c : components) {
            String key = c.hasNonNull("key") ? c.get("key").asText() : c.path("id").asText();
            fields.put(key, c);
            collect(c.path("components"), fields);
        }
    }

    private static String field(String key, JsonNode field) {
        return field.hasNonNull("label") ? quote(field.get("label").asText()) + " (" + key + ")" : key;
    }

    // ---- helpers

    private static <T> Map<String, T> byId(java.util.Collection<T> elements, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        elements.forEach(e -> map.put(id.apply(e), e));
        return map;
    }

    private static String quote(String s) {
        return s == null ? "(none)" : "\u201C" + s.strip().replaceAll("\\s+", " ") + "\u201D";
    }
}
