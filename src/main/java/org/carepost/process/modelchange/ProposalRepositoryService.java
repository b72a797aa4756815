package org.carepost.process.modelchange;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.carepost.process.engine.TrustedDeployment;

/**
 * Every deployment goes through here (Camunda's REST, the webapps', Java). CarePost's own (marked by
 * {@link TrustedDeployment} in this thread) deploy as usual. Any other is a proposal, whatever name, source or
 * tenant it asks for: only a member of {@code compliance} may send one (403 otherwise, administrators included); it
 * is deployed anew with its uploaded files only, in tenant {@link ProposalDeployments#PROPOSAL_TENANT}, without
 * duplicate filtering, and handed to {@link ModelProposalIntake}.
 */
class ProposalRepositoryService extends RepositoryServiceImpl {

    static final String DEPLOYER_GROUP = "compliance";

    private final ProcessEngineConfigurationImpl configuration;
    private final Supplier<ModelProposalIntake> intake;

    ProposalRepositoryService(ProcessEngineConfigurationImpl configuration, Supplier<ModelProposalIntake> intake) {
        this.configuration = configuration;
        this.intake = intake;
    }

    @Override
    public DeploymentWithDefinitions deployWithResult(DeploymentBuilderImpl builder) {
        if (TrustedDeployment.active()) {
            return super.deployWithResult(builder);
        }
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(DEPLOYER_GROUP)) {
            throw new AuthorizationException("Only compliance proposes model changes; a change is in force once a "
                    + "second person approves it.");
        }
        if (!builder.getDeployments().isEmpty() || !builder.getDeploymentResourcesById().isEmpty()
                || !builder.getDeploymentResourcesByName().isEmpty() || builder.getNameFromDeployment() != null) {
            throw new BadUserRequestException("A model change is proposed by uploading its files (Camunda Modeler's "
                    + "Deploy); redeploying an existing deployment is not possible.");
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        Map<String, ResourceEntity> uploaded = builder.getDeployment().getResources();
        if (uploaded != null) {
            uploaded.forEach((name, resource) -> resources.put(name, resource.getBytes()));
        }
        if (resources.isEmpty()) {
            throw new BadUserRequestException("A model change needs at least one model or form.");
        }
        DeploymentBuilder proposal = createDeployment().name(builder.getDeployment().getName())
                .source(builder.getDeployment().getSource()).tenantId(ProposalDeployments.PROPOSAL_TENANT);
        resources.forEach((name, bytes) -> proposal.addInputStream(name, new ByteArrayInputStream(bytes)));
        return intake.get().propose(user.getUserId(), resources,
                () -> super.deployWithResult((DeploymentBuilderImpl) proposal));
    }
}
