package org.carepost.process.modelchange;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deployment that is not CarePost's own becomes a proposal, in one transaction with the deploy: its process
 * definitions suspended, recorded (who deployed, audited with the hashes) and model-change started, as CarePost
 * itself (the deployer may start nothing). If any of it fails, nothing is deployed. No business key: Tasklist's
 * columns read a UUID business key as a draft's id.
 */
@Component
public class ModelProposalIntake {

    private final ProcessEngine engine;
    private final ModelProposals proposals;

    public ModelProposalIntake(@Lazy ProcessEngine engine, ModelProposals proposals) {
        this.engine = engine;
        this.proposals = proposals;
    }

    @Transactional
    public DeploymentWithDefinitions propose(String deployer, Map<String, byte[]> resources,
                                             Supplier<DeploymentWithDefinitions> deploy) {
        DeploymentWithDefinitions deployment = deploy.get();
        ProposalDeployments deployments = new ProposalDeployments(engine);
        deployments.suspend(deployment.getId());
        proposals.proposed(deployment.getId(), deployer, resources);
        ProposalDeployments.asSystem(engine.getIdentityService(), () -> engine.getRuntimeService()
                .createProcessInstanceByKey(ModelChangeSteps.PROCESS_KEY).processDefinitionWithoutTenantId()
                .setVariable(ModelChangeSteps.PROPOSAL, deployment.getId()).execute());
        return deployment;
    }
}
