package org.carepost.content;

import java.util.List;
import java.util.stream.Collectors;

public class InvalidContentException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidContentException(List<FieldProblem> problems) {
        super("Invalid fields: " + problems.stream().map(FieldProblem::field).collect(Collectors.joining(", ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
