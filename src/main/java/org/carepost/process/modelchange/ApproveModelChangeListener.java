package org.carepost.process.modelchange;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * "Approve model change" completed. Inside the engine, so every client (Tasklist, /engine-rest) is held to it: only
 * compliance or privacy, never the person who deployed the change (read from model_proposal; 403, the task stays
 * open), with a decision and a comment (400). Records the decision and tells the gateway.
 */
@Component
public class ApproveModelChangeListener implements TaskListener {

    private final ModelProposals proposals;

    public ApproveModelChangeListener(ModelProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        boolean approved = ModelChangeSteps.refusing(() -> proposals.decide(ModelChangeSteps.proposal(task), task.getId(),
                user == null ? null : user.getUserId(), user == null ? null : user.getGroupIds(),
                ModelChangeSteps.text(task.getVariable(ModelChangeSteps.DECISION)),
                ModelChangeSteps.text(task.getVariable(ModelChangeSteps.COMMENT))));
        task.getExecution().setVariable(ModelChangeSteps.APPROVED, approved);
    }
}
