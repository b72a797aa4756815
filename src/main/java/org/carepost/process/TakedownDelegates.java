package org.carepost.process;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.publishing.TakedownService;
import org.springframework.stereotype.Component;

/** The glue of processes/takedown.bpmn: plan, delete one post (async, retried), complete. */
public final class TakedownDelegates {

    private TakedownDelegates() {
    }

    /** "Find published posts": one pending takedown per published post; their ids drive the multi-instance. */
    @Component("planTakedown")
    public static class Plan implements JavaDelegate {
        private final TakedownService takedowns;

        public Plan(TakedownService takedowns) {
            this.takedowns = takedowns;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Object consent = execution.getVariable(ConsentVariables.CONSENT_ID);
            Object reason = execution.getVariable(ConsentVariables.STOP_REASON);
            List<Long> ids = takedowns.plan(ProcessVariables.contentId(execution),
                    consent == null ? null : UUID.fromString(consent.toString()),
                    reason == null ? "revoked" : reason.toString(), execution.getProcessInstanceId());
            execution.setVariable(ConsentVariables.TAKEDOWN_IDS, new java.util.ArrayList<>(ids));
        }
    }

    /** "Delete post on platform": a failure throws, so the job retries (R5/PT5M) and then raises an incident. */
    @Component("deletePost")
    public static class Delete implements JavaDelegate {
        private final TakedownService takedowns;

        public Delete(TakedownService takedowns) {
            this.takedowns = takedowns;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Number id = (Number) execution.getVariable(ConsentVariables.TAKEDOWN_ID);
            takedowns.delete(id.longValue(), execution.getProcessInstanceId());
        }
    }

    /** "Mark content taken down": only after every delete was confirmed. */
    @Component("takedownComplete")
    public static class Complete implements JavaDelegate {
        private final TakedownService takedowns;

        public Complete(TakedownService takedowns) {
            this.takedowns = takedowns;
        }

        @Override
        public void execute(DelegateExecution execution) {
            takedowns.completed(ProcessVariables.contentId(execution));
        }
    }
}
