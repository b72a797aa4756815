package org.carepost.review;

import org.camunda.bpm.engine.BadUserRequestException;

/** A decision on a text that is no longer current. 400 through Camunda's REST API. */
public class StaleVersionException extends BadUserRequestException {

    public StaleVersionException(String message) {
        super(message);
    }
}
