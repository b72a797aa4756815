package org.carepost.process.forms;

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

    /** An editable field: its key, form-js type, maxLength (if declared) and static choices (if any). */
    public record Field(String key, String type, Integer maxLength, Set<String> choices) {

        /** The longest text accepted. */
        public int textLimit() {
            return maxLength != null ? maxLength : "textarea".equals(type) ? DEFAULT_TEXTAREA_MAX : DEFAULT_TEXTFIELD_MAX;
        }
    }

    private final String id;
    private final Map<String, Field> editable = new LinkedHashMap<>();
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

    /**
     * Walks the components. A key with dots ({@code draftView.text}) addresses a member of a JSON variable: such
     * fields only show (disabled), so the variable (its first part) is read-only. A {@code readonly} field (not a
     * disabled one) is submitted by Tasklist: it is accepted as text, an echo of what the form showed, which the
     * listener reading it checks against our tables.
     */
    private void collect(JsonNode node) {
        for (JsonNode component : node.path("components")) {
            String key = component.path("key").asText(null);
            if (key != null && !key.isEmpty()) {
                String variable = key.split("\\.")[0];
                if (component.path("disabled").asBoolean(false) || !variable.equals(key)) {
                    readOnly.add(variable);
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
                    editable.put(key, new Field(key, component.path("type").asText(), max, choices));
                }
            }
            collect(component);
        }
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
            if (value != null) {
                String problem = problem(field, value);
                if (problem != null) {
                    problems.add(name + " " + problem);
                }
            }
        }
        return problems;
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
