package org.carepost.process.modelchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Delete proposal": the proposal deployment is removed. Refused by the checks: audited here as rejected by the
 * system with the failed findings; rejected by a reviewer: audited when the reviewer decided.
 */
@Component
public class DeleteProposalDelegate implements JavaDelegate {

    private final ModelProposals proposals;

    public DeleteProposalDelegate(ModelProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String proposalId = ModelChangeSteps.proposal(execution);
        if (!Boolean.TRUE.equals(execution.getVariable(ModelChangeSteps.CHECKS_PASSED))) {
            proposals.refusedByChecks(proposalId, ModelChangeSteps.text(execution.getVariable(ModelChangeSteps.FAILED_FINDINGS)));
        }
        new ProposalDeployments(execution.getProcessEngineServices()).delete(proposalId);
    }
}
