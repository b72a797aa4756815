package org.carepost.review;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Refuses a decision its actor may not take. An {@link AuthorizationException} so that Camunda's REST API answers
 * 403 and rolls the whole completion back.
 */
public class SegregationOfDutiesException extends AuthorizationException {

    public SegregationOfDutiesException(String message) {
        super(message);
    }
}
