package org.carepost.tasklist;

import java.util.Set;
import org.carepost.consent.ConsentCoverage;
import org.springframework.stereotype.Component;

/** The finding types the Resolve PHI form may offer as "covered by the patient's authorization". */
@Component
public class CoverableTypes {

    public Set<String> types() {
        return ConsentCoverage.coverableTypes();
    }
}
