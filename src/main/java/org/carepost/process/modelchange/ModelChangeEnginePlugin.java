package org.carepost.process.modelchange;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs {@link ProposalRepositoryService}: a deployment that is not CarePost's own is a proposal, in force only
 * after a second person approves it (process model-change).
 */
@Component
public class ModelChangeEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ModelProposalIntake> intake;

    public ModelChangeEnginePlugin(ObjectProvider<ModelProposalIntake> intake) {
        this.intake = intake;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setRepositoryService(new ProposalRepositoryService(configuration, intake::getObject));
    }
}
