package org.carepost.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.carepost.config.CarePostProperties;
import org.carepost.identity.IdentitySetup;
import org.carepost.identity.TasklistFilters;
import org.springframework.stereotype.Component;

/**
 * Runs once the engine is built, before the web server takes requests: groups and authorizations, demo users
 * (embedded default), and the deployment of our models and forms.
 */
@Component
public class CarePostEnginePlugin extends AbstractProcessEnginePlugin {

    private final CarePostProperties properties;

    public CarePostEnginePlugin(CarePostProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentitySetup identity = new IdentitySetup(engine);
        identity.createGroupsAndAuthorizations();
        if (properties.demoUsers()) {
            identity.createDemoUsers();
        }
        new TasklistFilters(engine).create();
        new ProcessDeployer(engine.getRepositoryService()).deploy(properties.processesDir());
    }
}
