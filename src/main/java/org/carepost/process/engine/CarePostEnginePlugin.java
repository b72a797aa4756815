package org.carepost.process.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.carepost.config.CarePostProperties;
import org.carepost.identity.IdentitySetup;
import org.carepost.identity.TasklistFilters;
import org.springframework.stereotype.Component;

/**
 * Runs once the engine is built, before the web server takes requests: our indexes on the engine's tables, groups
 * and authorizations, demo users (embedded default), and the deployment of our models and forms.
 */
@Component
public class CarePostEnginePlugin extends AbstractProcessEnginePlugin {

    private final CarePostProperties properties;

    public CarePostEnginePlugin(CarePostProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        EngineTableMigrations.migrate(
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource());
        setUp(engine, properties);
    }

    /**
     * Nodes of a cluster may start at the same moment (a restart, an upgrade that adds a group or a grant): each
     * setup is "create what is missing", so two at once would both create it (filters have no unique key; groups
     * and grants would fail one node's start). They run one after the other, in one transaction under the lock
     * Camunda's own deployments take ({@code ACT_GE_PROPERTY 'deployment.lock'}, select for update), and each node
     * sees what the one before it created. Camunda's schema creation on an empty database is not covered: start
     * one node first there.
     */
    public static void setUp(ProcessEngine engine, CarePostProperties properties) {
        CommandExecutor oneTransaction = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        oneTransaction.execute(context -> {
            context.getPropertyManager().acquireExclusiveLock();
            IdentitySetup identity = new IdentitySetup(engine);
            identity.createGroupsAndAuthorizations();
            if (properties.demoUsers()) {
                identity.createDemoUsers();
            }
            new TasklistFilters(engine).create();
            new ProcessDeployer(engine.getRepositoryService()).deploy(properties.processesDir());
            return null;
        });
    }
}
