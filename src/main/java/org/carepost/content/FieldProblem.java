package org.carepost.content;

/** One invalid field: its name and what is wrong, never its value (it may be PHI). */
public record FieldProblem(String field, String message) {
}
