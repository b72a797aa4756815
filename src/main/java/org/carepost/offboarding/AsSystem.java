package org.carepost.offboarding;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs a step of an offboarding as CarePost itself: the requester's right was checked when the offboarding started
 * (and the audit names them); handing over other people's tasks and ending memberships needs no engine rights of
 * theirs. The steps normally run in the job executor, where nobody is authenticated anyway.
 */
final class AsSystem {

    private AsSystem() {
    }

    static <T> T run(IdentityService identity, Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
