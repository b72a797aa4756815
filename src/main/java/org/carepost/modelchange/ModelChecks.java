package org.carepost.modelchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Component;

/** The automatic checks a proposed model change must pass before a second person may approve it. */
@Component
public class ModelChecks {

    /** Camunda's own rule: a number of days, or an ISO period of days ("P2192D"). */
    private static final Pattern DAYS = Pattern.compile("^(?:P(\\d+)D|(\\d+))$", Pattern.CASE_INSENSITIVE);
    /** Six years, HIPAA's retention of documentation (docs/privacy-data.md). */
    static final int MIN_HISTORY_DAYS = 2192;
    private static final String FORM_KEY_PREFIX = "camunda-forms:deployment:";

    private final ObjectMapper json = new ObjectMapper();

    /** A model or form that parsed, by its file name without folders. */
    record Parsed(Map<String, BpmnModelInstance> bpmn, Map<String, DmnModelInstance> dmn, Map<String, JsonNode> forms,
                  Map<String, byte[]> dmnBytes) {
    }

    /**
     * Checks what would be in force after approval ({@code proposed} over {@code inForce}).
     *
     * @param groups the candidate groups that exist (Camunda's groups)
     */
    public CheckReport check(ModelResources proposed, ModelResources inForce, Set<String> groups) {
        // By file name without folders: the start-up deployment names "processes/content-approval.bpmn", Camunda
        // Modeler "content-approval.bpmn"; both are the same model, and the proposal's replaces the one in force.
        Map<String, byte[]> byFile = new java.util.TreeMap<>();
        inForce.byName().forEach((name, bytes) -> byFile.put(baseName(name), bytes));
        proposed.byName().forEach((name, bytes) -> byFile.put(baseName(name), bytes));
        ModelResources merged = new ModelResources(byFile);
        List<String> parseProblems = new ArrayList<>();
        Parsed parsed = parse(merged, parseProblems);
        List<CheckFinding> findings = new ArrayList<>();
        findings.add(finding("parses", parseProblems, "every model and form parses ("
                + (parsed.bpmn().size() + parsed.dmn().size() + parsed.forms().size()) + " resources)"));
        findings.add(finding("history-time-to-live", historyTimeToLive(parsed),
                "every executable process and decision keeps its history for at least " + MIN_HISTORY_DAYS + " days"));
        findings.add(finding("form-refs", formRefs(parsed), "every form a task or start event names is in the set"));
        findings.add(finding("candidate-groups", candidateGroups(parsed, groups),
                "every user task goes to groups that exist, or to a named assignee or candidate users"));
        findings.add(PublicationPaths.check(parsed.bpmn()));
        findings.add(PrivacyRouting.check(parsed.dmnBytes()));
        return new CheckReport(findings);
    }

    private static CheckFinding finding(String check, List<String> problems, String whenPassed) {
        if (problems.isEmpty()) {
            return new CheckFinding(check, true, whenPassed);
        }
        return new CheckFinding(check, false, String.join("; ", problems));
    }

    /** The resource's file name without folders: what the checks and their findings call it. */
    static String baseName(String name) {
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    private Parsed parse(ModelResources merged, List<String> problems) {
        Map<String, BpmnModelInstance> bpmn = new LinkedHashMap<>();
        Map<String, DmnModelInstance> dmn = new LinkedHashMap<>();
        Map<String, JsonNode> forms = new LinkedHashMap<>();
        Map<String, byte[]> dmnBytes = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> resource : merged.byName().entrySet()) {
            String name = baseName(resource.getKey());
            byte[] bytes = resource.getValue();
            try {
                if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                    bpmn.put(name, Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)));
                } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                    dmn.put(name, Dmn.readModelFromStream(new ByteArrayInputStream(bytes)));
                    dmnBytes.put(name, bytes);
                } else if (name.endsWith(".form")) {
                    JsonNode form = json.readTree(bytes);
                    if (form == null || !form.isObject() || !form.path("id").isTextual() || form.path("id").asText().isBlank()) {
                        problems.add(name + " is not a Camunda Form (a JSON object with an \"id\")");
                    } else {
                        forms.put(name, form);
                    }
                }
            } catch (Exception e) {
                // The parser's message names the line and the element; it never carries user content.
                problems.add(name + " does not parse: " + firstLine(rootCause(e)));
            }
        }
        return new Parsed(bpmn, dmn, forms, dmnBytes);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** Days in a historyTimeToLive value as Camunda reads it, or -1 when it is missing or not a number of days. */
    static long days(String historyTimeToLive) {
        if (historyTimeToLive == null) {
            return -1;
        }
        Matcher m = DAYS.matcher(historyTimeToLive.strip());
        if (!m.matches()) {
            return -1;
        }
        try {
            return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static List<String> historyTimeToLive(Parsed parsed) {
        List<String> problems = new ArrayList<>();
        parsed.bpmn().forEach((file, model) -> {
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (process.isExecutable()) {
                    ttl(problems, file, "process " + process.getId(), process.getCamundaHistoryTimeToLiveString());
                }
            }
        });
        parsed.dmn().forEach((file, model) -> {
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                ttl(problems, file, "decision " + decision.getId(), decision.getCamundaHistoryTimeToLiveString());
            }
        });
        return problems;
    }

    private static void ttl(List<String> problems, String file, String what, String value) {
        long days = days(value);
        if (days < MIN_HISTORY_DAYS) {
            problems.add(file + ": " + what + " keeps its history "
                    + (value == null ? "without a historyTimeToLive" : "for \"" + value + "\"")
                    + ", less than the " + MIN_HISTORY_DAYS + " days (P" + MIN_HISTORY_DAYS + "D) required");
        }
    }

    private static List<String> formRefs(Parsed parsed) {
        Set<String> formIds = new TreeSet<>();
        parsed.forms().values().forEach(form -> formIds.add(form.path("id").asText()));
        Set<String> formFiles = parsed.forms().keySet();
        List<String> problems = new ArrayList<>();
        parsed.bpmn().forEach((file, model) -> {
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                String formRef;
                String formKey;
                if (element instanceof UserTask task) {
                    formRef = task.getCamundaFormRef();
                    formKey = task.getCamundaFormKey();
                    if (formRef == null && formKey == null) {
                        problems.add(file + ": user task " + PublicationPaths.label(element) + " has no form");
                        continue;
                    }
                } else if (element instanceof StartEvent start) {
                    formRef = start.getCamundaFormRef();
                    formKey = start.getCamundaFormKey();
                } else {
                    continue;
                }
                String where = file + ": " + PublicationPaths.label(element);
                if (formRef != null) {
                    if (formRef.contains("${") || formRef.contains("#{")) {
                        problems.add(where + " chooses its form by an expression (" + formRef + "), which cannot be checked");
                    } else if (!formIds.contains(formRef.strip())) {
                        problems.add(where + " refers to form \"" + formRef + "\", which is not among the forms ("
                                + String.join(", ", formIds) + ")");
                    }
                } else if (formKey != null && formKey.startsWith(FORM_KEY_PREFIX)) {
                    String formFile = baseName(formKey.substring(FORM_KEY_PREFIX.length()));
                    if (!formFiles.contains(formFile)) {
                        problems.add(where + " refers to form file \"" + formFile + "\", which is not in the set");
                    }
                }
            }
        });
        return problems;
    }

    private static List<String> candidateGroups(Parsed parsed, Set<String> groups) {
        List<String> problems = new ArrayList<>();
        parsed.bpmn().forEach((file, model) -> {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String where = file + ": user task " + PublicationPaths.label(task);
                String candidateGroups = task.getCamundaCandidateGroups();
                boolean assigned = notBlank(task.getCamundaAssignee()) || notBlank(task.getCamundaCandidateUsers());
                if (notBlank(candidateGroups)) {
                    if (candidateGroups.contains("${") || candidateGroups.contains("#{")) {
                        problems.add(where + " chooses its candidate groups by an expression (" + candidateGroups
                                + "), which cannot be checked");
                        continue;
                    }
                    for (String group : task.getCamundaCandidateGroupsList()) {
                        if (!groups.contains(group.strip())) {
                            problems.add(where + " goes to group \"" + group.strip() + "\", which does not exist");
                        }
                    }
                } else if (!assigned) {
                    problems.add(where + " has no candidate groups, assignee or candidate users: nobody could do it");
                }
            }
        });
        return problems;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
