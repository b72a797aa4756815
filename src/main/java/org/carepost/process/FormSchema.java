package org.carepost.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.carepost.content.StorableText;

/**
 * What a Camunda Form (.form JSON) lets a user submit: its editable fields, their types and lengths. A
 * submission may set only those fields, each with a value of the field's type; read-only (disabled) fields, unknown
 * variables (say {@code signoffDepartments} or {@code author}, which the process itself relies on) and values of
 * another type are refused. Problems name fields and forms, never the submitted values (they may be PHI).
 * Neither "required" nor the choice offered is checked here: the listeners and services that use a field check both
 * (with every problem of the submission in one answer, as POST /api/content does); a choice must still be text.
 */
public final class FormSchema {

    /** Longest text accepted in a field without its own maxLength. */
    static final int DEFAULT_TEXTFIELD_MAX = 1000;
    static final int DEFAULT_TEXTAREA_MAX = 65536;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The type of a variable whose fields are nested (a group or dynamic list with a path): a JSON object. */
    static final String OBJECT = "object";
    /** Longest list a dynamic list may submit. */
    static final int MAX_LIST_ITEMS = 1000;

    /** An editable field: its key, form-js type, maxLength (if declared) and static choices (if any). */
    public record Field(String key, String type, Integer maxLength, Set<String> choices) {

        /** The longest text accepted. */
        public int textLimit() {
            return maxLength != null ? maxLength : "textarea".equals(type) ? DEFAULT_TEXTAREA_MAX : DEFAULT_TEXTFIELD_MAX;
        }
    }

    private final String id;
    private final Map<String, Field> editable = new LinkedHashMap<>();
    /** Fields below a variable (dotted path from the variable, list indexes left out) and the paths that are lists. */
    private final Map<String, Field> nested = new LinkedHashMap<>();
    private final Set<String> listPaths = new LinkedHashSet<>();
    private final Set<String> readOnly = new LinkedHashSet<>();

    private FormSchema(String id) {
        this.id = id;
    }

    public static FormSchema parse(InputStream form) throws IOException {
        JsonNode root = JSON.readTree(form);
        FormSchema schema = new FormSchema(root.path("id").asText("form"));
        schema.collect(root);
        return schema;
    }

    public String id() {
        return id;
    }

    public java.util.Collection<Field> editableFields() {
        return editable.values();
    }

    public Set<String> readOnlyFields() {
        return readOnly;
    }

    private void collect(JsonNode node) {
        collect(node, List.of(), false);
    }

    /**
     * Walks the components. A group or dynamic list with a {@code path} puts its fields under that path (a dynamic
     * list: an array of objects); a key with dots is a path too. Inside a dynamic list, a {@code readonly} field is
     * submitted by Tasklist (only disabled ones are not), so it is accepted there, and its value never trusted.
     */
    private void collect(JsonNode node, List<String> prefix, boolean inList) {
        for (JsonNode component : node.path("components")) {
            String key = component.path("key").asText(null);
            String path = component.path("path").asText(null);
            List<String> here = prefix;
            boolean list = inList;
            if (path != null && !path.isEmpty()) {
                here = concat(prefix, path);
                if ("dynamiclist".equals(component.path("type").asText())) {
                    listPaths.add(String.join(".", here));
                    list = true;
                }
            }
            if (key != null && !key.isEmpty()) {
                List<String> full = concat(prefix, key);
                boolean disabled = component.path("disabled").asBoolean(false);
                boolean readonly = component.path("readonly").asBoolean(false);
                if (disabled || (readonly && !inList)) {
                    readOnly.add(full.get(0));
                } else {
                    JsonNode validate = component.path("validate");
                    Integer max = validate.has("maxLength") ? validate.get("maxLength").asInt() : null;
                    Set<String> choices = null;
                    if (component.has("values")) {
                        choices = new LinkedHashSet<>();
                        for (JsonNode value : component.get("values")) {
                            choices.add(value.path("value").asText());
                        }
                    }
                    Field field = new Field(String.join(".", full), component.path("type").asText(), max, choices);
                    if (full.size() == 1) {
                        editable.put(key, field);
                    } else {
                        nested.put(String.join(".", full), field);
                        editable.putIfAbsent(full.get(0), new Field(full.get(0), OBJECT, null, null));
                    }
                }
            }
            collect(component, here, list);
        }
        readOnly.removeAll(editable.keySet());
    }

    private static List<String> concat(List<String> prefix, String dotted) {
        List<String> result = new ArrayList<>(prefix);
        result.addAll(List.of(dotted.split("\\.")));
        return result;
    }

    /** Every problem of a submission; empty if the form accepts it. */
    public List<String> problems(Map<String, ?> variables) {
        List<String> problems = new ArrayList<>();
        for (String name : variables.keySet()) {
            Field field = editable.get(name);
            if (field == null) {
                problems.add(readOnly.contains(name) ? shown(name) + " is read-only in this form"
                        : shown(name) + " is not a field of this form");
                continue;
            }
            // Typed: a serialized object must not be deserialized just to look at it (VariableMap.get would try).
            Object value = variables instanceof VariableMap typedMap ? typedMap.getValueTyped(name) : variables.get(name);
            if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
                // JSON (Tasklist's checklists) is read as data with Jackson; any other serialized object, such as
                // a Java-serialized one, is never deserialized.
                if (!"application/json".equals(serializable.getSerializationDataFormat())) {
                    problems.add(name + " must be a plain value, not a serialized object");
                    continue;
                }
                try {
                    value = JSON.readTree(serializable.getValueSerialized());
                } catch (IOException e) {
                    problems.add(name + " is not valid JSON");
                    continue;
                }
            } else if (value instanceof TypedValue typed) {
                value = typed.getValue();
            }
            if (value != null && OBJECT.equals(field.type())) {
                nestedProblems(name, json(value), problems);
            } else if (value != null) {
                String problem = problem(field, value);
                if (problem != null) {
                    problems.add(name + " " + problem);
                }
            }
        }
        return problems;
    }

    /** Spin's JSON, a Jackson tree, or a map or list from the Java API: as a Jackson tree (null if none of these). */
    private static JsonNode json(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        try {
            if (value instanceof SpinJsonNode spin) {
                return JSON.readTree(spin.toString());
            }
            if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
                return JSON.valueToTree(value);
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** An object whose members are exactly the form's fields (and lists) below {@code path}, each of its type. */
    private void nestedProblems(String path, JsonNode value, List<String> problems) {
        if (value == null || !value.isObject()) {
            problems.add(path + " must be an object of this form's fields");
            return;
        }
        value.fields().forEachRemaining(member -> {
            String child = path + "." + member.getKey();
            JsonNode v = member.getValue();
            Field field = nested.get(child);
            if (field != null) {
                String problem = v.isNull() ? null : problem(field, v.isTextual() ? v.textValue()
                        : v.isBoolean() ? v.booleanValue() : v.isNumber() ? v.numberValue() : v);
                if (problem != null) {
                    problems.add(shownPath(child) + " " + problem);
                }
            } else if (listPaths.contains(child)) {
                if (!v.isArray() || v.size() > MAX_LIST_ITEMS) {
                    problems.add(shownPath(child) + " must be a list of at most " + MAX_LIST_ITEMS + " entries");
                } else {
                    v.forEach(item -> nestedProblems(child, item, problems));
                }
            } else if (nested.keySet().stream().anyMatch(k -> k.startsWith(child + "."))) {
                nestedProblems(child, v, problems);
            } else {
                problems.add(shownPath(child) + " is not a field of this form");
            }
        });
    }

    private static String shownPath(String path) {
        return path.matches("[A-Za-z0-9_.-]{1,128}") ? "'" + path + "'" : "a variable";
    }

    private static String problem(Field field, Object value) {
        switch (field.type()) {
            case "checkbox":
                return value instanceof Boolean ? null : "must be true or false";
            case "number":
                return value instanceof Number ? null : "must be a number";
            case "radio", "select":
                if (!(value instanceof String s)) {
                    return "must be text" + choices(field);
                }
                return StorableText.isStorable(s) ? null : StorableText.PROBLEM;
            case "checklist", "taglist":
                return checklist(field, value);
            default:
                if (!(value instanceof String s)) {
                    return "must be text";
                }
                int max = field.textLimit();
                if (s.length() > max) {
                    return "must be at most " + max + " characters";
                }
                return StorableText.isStorable(s) ? null : StorableText.PROBLEM;
        }
    }

    /** Tasklist submits a checklist as a JSON array (Spin); the Java API may pass a list. */
    private static String checklist(Field field, Object value) {
        List<Object> items = new ArrayList<>();
        if (value instanceof SpinJsonNode spin) {
            try {
                value = JSON.readTree(spin.toString());
            } catch (IOException e) {
                return "must be a list" + choices(field);
            }
        }
        if (value instanceof JsonNode json) {
            if (!json.isArray()) {
                return "must be a list" + choices(field);
            }
            for (JsonNode element : json) {
                items.add(element.isTextual() ? element.textValue() : element);
            }
        } else if (value instanceof Collection<?> list) {
            items.addAll(list);
        } else {
            return "must be a list" + choices(field);
        }
        for (Object item : items) {
            if (!(item instanceof String s) || !StorableText.isStorable(s)) {
                return "must be a list of texts" + choices(field);
            }
        }
        return null;
    }

    private static String choices(Field field) {
        return field.choices() == null || field.choices().isEmpty() ? "" : ": one of " + String.join(", ", field.choices());
    }

    /** A variable name as sent: names only plain identifiers, so nothing a user typed as content is echoed. */
    private static String shown(String name) {
        return name.matches("[A-Za-z0-9_.-]{1,64}") ? "'" + name + "'" : "a variable";
    }
}
