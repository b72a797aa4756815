package org.carepost.consent;

import java.util.List;
import org.carepost.content.FieldProblem;
import org.carepost.content.InvalidContentException;

/** An authorization (or its document) refused: every missing or malformed element, by field name. Answers 400. */
public class InvalidAuthorizationException extends InvalidContentException {

    public InvalidAuthorizationException(List<FieldProblem> problems) {
        super(problems);
    }
}
