package org.carepost.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The administrators' grants: ALL on every resource type Camunda knows, created at start-up, raised to ALL where a
 * narrower grant on "*" was there before, and not duplicated by a second start. Without them Camunda shows a
 * camunda-admin member nothing (its queries check authorizations for admins too).
 */
class IdentitySetupAdminGrantsTest {

    private ProcessEngine engine;
    private AuthorizationService authorizations;

    @BeforeEach
    void engine() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration();
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9-]+"); // as in application.yml: "dept-cardiology"
        engine = configuration.setProcessEngineName("identity-setup-test")
                .setJdbcUrl("jdbc:h2:mem:identity-setup-test;DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        authorizations = engine.getAuthorizationService();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void administratorsGetAllOnEveryResourceTypeOnceAndANarrowerGrantIsRaised() {
        // An older start (or a hand-made grant) left READ only on deployments.
        Authorization narrow = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        narrow.setGroupId("camunda-admin");
        narrow.setResource(Resources.DEPLOYMENT);
        narrow.setResourceId(Authorization.ANY);
        narrow.addPermission(Permissions.READ);
        authorizations.saveAuthorization(narrow);

        // As at start-up (CarePostEnginePlugin): all of it in one command, whose inserts its own queries do not see.
        var oneTransaction = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        for (int start = 0; start < 2; start++) {
            oneTransaction.execute(context -> {
                new IdentitySetup(engine).createGroupsAndAuthorizations();
                return null;
            });
        }

        for (Resources resource : Resources.values()) {
            var grants = authorizations.createAuthorizationQuery().groupIdIn("camunda-admin")
                    .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource)
                    .resourceId(Authorization.ANY).list();
            assertThat(grants).as(resource.name()).hasSize(1);
            assertThat(grants.get(0).isEveryPermissionGranted()).as(resource.name()).isTrue();
        }
        // Other groups are not raised with them: the auditors still only read process instances.
        Authorization auditors = authorizations.createAuthorizationQuery().groupIdIn("auditors")
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(Authorization.ANY).singleResult();
        assertThat(auditors.isEveryPermissionGranted()).isFalse();
        assertThat(auditors.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(auditors.isPermissionGranted(Permissions.UPDATE)).isFalse();
    }
}
