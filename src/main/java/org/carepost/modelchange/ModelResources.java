package org.carepost.modelchange;

import java.util.Map;
import java.util.TreeMap;

/**
 * A set of models and forms by file name ({@code content-approval.bpmn}, {@code review-routing.dmn},
 * {@code new-draft.form}; a folder in the name is ignored by the checks).
 */
public record ModelResources(Map<String, byte[]> byName) {

    public ModelResources {
        byName = java.util.Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    /** These resources over {@code base}: what would be in force if this proposal were approved. */
    public ModelResources over(ModelResources base) {
        TreeMap<String, byte[]> merged = new TreeMap<>(base.byName());
        merged.putAll(byName);
        return new ModelResources(merged);
    }
}
