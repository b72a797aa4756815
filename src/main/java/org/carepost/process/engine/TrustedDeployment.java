package org.carepost.process.engine;

import java.util.function.Supplier;

/**
 * Marks a deployment as CarePost's own (the start-up deployment, the activation of an approved model change), in
 * this thread only. Anything deployed without it is a proposal (process.modelchange): the mark cannot be set by a
 * REST caller, unlike a deployment's name or source.
 */
public final class TrustedDeployment {

    private static final ThreadLocal<Boolean> TRUSTED = new ThreadLocal<>();

    private TrustedDeployment() {
    }

    public static <T> T run(Supplier<T> deployment) {
        Boolean before = TRUSTED.get();
        TRUSTED.set(Boolean.TRUE);
        try {
            return deployment.get();
        } finally {
            if (before == null) {
                TRUSTED.remove();
            } else {
                TRUSTED.set(before);
            }
        }
    }

    public static boolean active() {
        return Boolean.TRUE.equals(TRUSTED.get());
    }
}
