package org.carepost.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** Camunda's REST API, plus an answer that says why a task completion was refused. */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(RefusalExceptionMapper.class);
        register(RestRefusalExceptionMapper.class);
    }

    /**
     * The engine wraps what a task listener throws. Our listeners refuse a completion with an authorization or
     * bad-request exception; unwrapped, the caller gets 403 or 400 with our message instead of a bare 500.
     */
    @Priority(1)
    public static class RefusalExceptionMapper implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return refusal(exception);
        }
    }

    /** Camunda's task resource re-wraps engine exceptions into a 500 RestException. */
    @Priority(1)
    public static class RestRefusalExceptionMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            return refusal(exception);
        }
    }

    static Response refusal(Throwable exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException || cause instanceof BadUserRequestException) {
                return ExceptionHandlerHelper.getInstance().getResponse(cause);
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
}
