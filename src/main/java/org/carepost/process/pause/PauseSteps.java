package org.carepost.process.pause;

import java.util.Date;
import java.util.function.Supplier;
import org.carepost.process.engine.Refusals;
import org.carepost.pause.PauseRefused;

/**
 * The pause-publishing process's variables, and its refusals as the engine's clients expect them: a sentence for the
 * form (400) or a refusal of the asker (403), never an engine code.
 */
final class PauseSteps {

    static final String REASON = "reason";
    static final String SCOPE = "scope";
    static final String DEPARTMENT = "department";
    static final String EXPECTED_END = "expectedEnd";
    static final String EXPECTED_END_TEXT = "expectedEndText";
    static final String PAUSED_BY = "pausedBy";
    static final String SCOPE_TEXT = "scopeText";
    static final String RESUME = "resume";
    static final String RESUME_NOTE = "resumeNote";
    static final String RELEASED_COUNT = "releasedCount";

    private PauseSteps() {
    }

    static <T> T refusing(Supplier<T> step) {
        return Refusals.refusing(step, PauseRefused.class, PauseRefused::forbidden);
    }

    /** Form fields arrive as strings from Tasklist; a REST client may send a typed Date. */
    static String text(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return value == null ? null : value.toString();
    }
}
