package org.carepost.modelchange;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A readable summary of a proposed change for its reviewer: per resource, the elements and sequence flows added,
 * removed and renamed (BPMN), the rules added, removed and changed row by row with their annotations (DMN), and
 * the resources new or unchanged.
 */
@Component
public class ChangeSummary {

    /** One line per change, in resource order; a resource without a change says so in one line. */
    public List<String> between(ModelResources inForce, ModelResources proposed) {
        throw new UnsupportedOperationException("skeleton: implemented on branch mc-checks");
    }
}
