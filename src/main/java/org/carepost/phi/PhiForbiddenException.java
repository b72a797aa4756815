package org.carepost.phi;

import org.camunda.bpm.engine.AuthorizationException;

/** Only the privacy group resolves PHI findings. 403 on our API and on /engine-rest. */
public class PhiForbiddenException extends AuthorizationException {

    public PhiForbiddenException(String message) {
        super(message);
    }
}
