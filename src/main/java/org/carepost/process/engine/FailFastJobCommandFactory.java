package org.carepost.process.engine;

import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.carepost.publishing.PlatformException;
import org.carepost.publishing.PublicationGateException;

/**
 * Failed jobs keep Camunda's retry cycle (e.g. R5/PT5M) for failures that may heal: 429, 5xx, timeouts. A failure
 * that retrying cannot heal fails fast: an expired or revoked token (AUTHENTICATION), a request the network refuses
 * (PERMANENT), a publication in doubt, a gate refusal. The job's retries drop to 0 at once, so Cockpit shows an
 * incident whose message is the exception's: which platform and account need re-authorisation, or what is wrong.
 */
public class FailFastJobCommandFactory implements FailedJobCommandFactory {

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        return new DefaultJobRetryCmd(jobId, exception) {
            @Override
            protected void decrementRetries(JobEntity job) {
                if (isFatal(exception)) {
                    job.setRetries(0);
                } else {
                    super.decrementRetries(job);
                }
            }
        };
    }

    /** Whether retrying cannot help: anywhere in the cause chain a non-retryable platform failure or a gate refusal. */
    public static boolean isFatal(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof PlatformException p && p.kind() != PlatformException.Kind.RETRYABLE) {
                return true;
            }
            if (t instanceof PublicationGateException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
