package org.carepost.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may read variables once enforceSpecificVariablePermission is on (docs/security.md, "Who reads which
 * variables"), as IdentitySetup grants it: operations see instances, incidents and jobs and retry jobs but read no
 * variable; the auditors read them all, also on a database whose auditor grants an older version wrote; no review
 * group reads variables definition-wide (only through its own tasks' grants).
 */
class IdentitySetupVariableGrantsTest {

    private static final List<Permission> VARIABLE_READS = List.of(ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
            ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);

    private ProcessEngine engine;
    private AuthorizationService authorizations;

    @BeforeEach
    void engine() {
        var configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration();
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9-]+"); // as in application.yml: "dept-cardiology"
        engine = configuration.setProcessEngineName("identity-variable-grants-test")
                .setJdbcUrl("jdbc:h2:mem:identity-variable-grants-test;DB_CLOSE_DELAY=-1")
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
    void operationsReadNoVariableAuditorsReadAllAndAnOlderAuditorGrantIsWidened() {
        // What the version before the flag left: auditors READ and READ_HISTORY on every definition, READ on every task.
        older("auditors", Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.READ_HISTORY);
        older("auditors", Resources.TASK, Permissions.READ);
        var oneTransaction = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        for (int start = 0; start < 2; start++) {
            oneTransaction.execute(context -> {
                new IdentitySetup(engine).createGroupsAndAuthorizations();
                return null;
            });
        }

        Authorization operations = only("operations", Resources.PROCESS_DEFINITION);
        assertThat(List.of(Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.RETRY_JOB)).allMatch(operations::isPermissionGranted);
        assertThat(VARIABLE_READS).noneMatch(operations::isPermissionGranted);
        assertThat(List.of(ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_INSTANCE,
                ProcessDefinitionPermissions.DELETE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY))
                .as("operations change no instance and read no task or history").noneMatch(operations::isPermissionGranted);
        Authorization operationsInstances = only("operations", Resources.PROCESS_INSTANCE);
        assertThat(operationsInstances.isPermissionGranted(Permissions.CREATE)).as("they start offboarding").isTrue();
        assertThat(operationsInstances.isPermissionGranted(Permissions.READ)).isFalse();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn("operations").resourceType(Resources.APPLICATION)
                .resourceId("cockpit").singleResult().isPermissionGranted(Permissions.ACCESS)).isTrue();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn("operations").resourceType(Resources.TASK)
                .count()).isZero();

        Authorization auditors = only("auditors", Resources.PROCESS_DEFINITION);
        assertThat(VARIABLE_READS).allMatch(auditors::isPermissionGranted);
        assertThat(auditors.isPermissionGranted(Permissions.READ_HISTORY)).as("kept").isTrue();
        assertThat(auditors.isPermissionGranted(ProcessDefinitionPermissions.UPDATE_INSTANCE)).isFalse();
        assertThat(only("auditors", Resources.TASK).isPermissionGranted(TaskPermissions.READ_VARIABLE)).isTrue();

        for (String reviewers : List.of("privacy", "legal", "brand", "medical", "communications", "dept-heads", "authors")) {
            for (Authorization grant : authorizations.createAuthorizationQuery().groupIdIn(reviewers)
                    .resourceType(Resources.PROCESS_DEFINITION).list()) {
                assertThat(VARIABLE_READS).as(reviewers + " on " + grant.getResourceId())
                        .noneMatch(grant::isPermissionGranted);
            }
            assertThat(authorizations.createAuthorizationQuery().groupIdIn(reviewers).resourceType(Resources.TASK)
                    .resourceId(Authorization.ANY).count()).as(reviewers + " on every task").isZero();
        }
    }

    private void older(String group, Resource resource, Permission... permissions) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(Authorization.ANY);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }

    /** The group's one grant on every id of the type (a second start must not have added a twin). */
    private Authorization only(String group, Resource resource) {
        List<Authorization> grants = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(Authorization.ANY).list();
        assertThat(grants).as(group + " on " + resource.resourceName()).hasSize(1);
        return grants.get(0);
    }
}
