package org.carepost.process.forms;

import java.util.ArrayList;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The engine wraps what a listener throws ("ENGINE-03051 There was an exception while invoking the TaskListener.
 * Message: '...'"), and Camunda's REST resources turn any engine exception of a form submission into a 500 "Cannot
 * submit task form ...". Our listeners refuse with a sentence meant for the user ({@link FormRefusal}, or a
 * segregation-of-duties refusal): this interceptor, outside the transaction of every command, rethrows that refusal
 * itself and remembers it for the request thread, so {@code web.EngineRefusalFilter} can answer the webapps' REST
 * call with 400 (403) and the sentence alone.
 */
@NamedInterface("forms")
@Component
public class RefusalPassThrough extends AbstractProcessEnginePlugin {

    private static final ThreadLocal<RuntimeException> LAST = new ThreadLocal<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new Unwrap());
        configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(0, new Unwrap());
    }

    /** The refusal that last left the engine on this thread, once; empty if none. */
    public static Optional<RuntimeException> takeLast() {
        RuntimeException last = LAST.get();
        LAST.remove();
        return Optional.ofNullable(last);
    }

    public static void forget() {
        LAST.remove();
    }

    /** A refusal meant for the user in the cause chain of an engine exception (the innermost one), or null. */
    static RuntimeException refusalIn(Throwable thrown) {
        RuntimeException found = null;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof BadUserRequestException || t instanceof AuthorizationException) {
                found = (RuntimeException) t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return found;
    }

    static final class Unwrap extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                RuntimeException refusal = refusalIn(e);
                if (refusal == null) {
                    throw e;
                }
                LAST.set(refusal);
                throw refusal;
            }
        }
    }
}
