package org.carepost.process.engine;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A step's refusal as the engine's clients expect it: a refusal of the asker becomes 403 (AuthorizationException), a
 * sentence about their input 400 (BadUserRequestException), never an engine code or a 500. Each process keeps its
 * own refusal type in its own module (pause, offboarding, model change); this is the one translation of them.
 */
public final class Refusals {

    private Refusals() {
    }

    public static <T, E extends RuntimeException> T refusing(Supplier<T> step, Class<E> refusal, Predicate<E> forbidden) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            if (!refusal.isInstance(e)) {
                throw e;
            }
            throw forbidden.test(refusal.cast(e)) ? new AuthorizationException(e.getMessage())
                    : new BadUserRequestException(e.getMessage());
        }
    }
}
