package org.carepost.process.modelchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Activate models": the approved resources deployed again without tenant (in force for every new instance; running
 * ones finish on their version), the proposal deleted, audited with the approver and the hashes.
 */
@Component
public class ActivateModelsDelegate implements JavaDelegate {

    private final ModelProposals proposals;

    public ActivateModelsDelegate(ModelProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String proposalId = ModelChangeSteps.proposal(execution);
        ProposalDeployments.Activation activation = new ProposalDeployments(execution.getProcessEngineServices())
                .activate(proposalId);
        proposals.activated(proposalId, activation.deploymentId(), activation.resources(),
                activation.runningOnOlderVersions());
        execution.setVariable(ModelChangeSteps.ACTIVATED_AS, activation.deploymentId());
        execution.setVariable(ModelChangeSteps.ON_OLDER_VERSIONS, activation.runningOnOlderVersions());
    }
}
