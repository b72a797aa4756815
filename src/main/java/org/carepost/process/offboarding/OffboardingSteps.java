package org.carepost.process.offboarding;

import java.util.function.Supplier;
import org.carepost.process.engine.Refusals;
import org.carepost.offboarding.OffboardingRefused;

/**
 * The offboard-user process's variables, and its refusals as the engine's clients expect them: a sentence for the
 * form (400) or a refusal of the asker (403), never an engine code.
 */
final class OffboardingSteps {

    static final String USER_ID = "userId";
    static final String LEAVING_DATE = "leavingDate";
    static final String COLLEAGUE = "colleague";
    static final String LOCK_AT = "lockAt";
    static final String LOCK_NOW = "lockNow";
    static final String ACCOUNT_COUNT = "accountCount";
    static final String ACCOUNT_OPTIONS = "accountOptions";
    static final String ROTATED = "rotated";

    private OffboardingSteps() {
    }

    static <T> T refusing(Supplier<T> step) {
        return Refusals.refusing(step, OffboardingRefused.class, OffboardingRefused::forbidden);
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
