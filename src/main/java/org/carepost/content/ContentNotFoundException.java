package org.carepost.content;

import java.util.UUID;

public class ContentNotFoundException extends RuntimeException {

    public ContentNotFoundException(UUID id) {
        super("No content item " + id);
    }
}
