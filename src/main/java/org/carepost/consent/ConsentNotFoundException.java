package org.carepost.consent;

import java.util.UUID;

public class ConsentNotFoundException extends RuntimeException {

    public ConsentNotFoundException(UUID id) {
        super("No authorization " + id);
    }
}
