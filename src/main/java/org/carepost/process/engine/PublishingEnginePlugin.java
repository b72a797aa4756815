package org.carepost.process.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Installs {@link FailFastJobCommandFactory}: unrecoverable publication failures become incidents at once. */
@Component
public class PublishingEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(new FailFastJobCommandFactory());
    }

    /** Again after every plugin's preInit: the Spring Boot starter's failed-job configuration sets its own. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(new FailFastJobCommandFactory());
    }
}
