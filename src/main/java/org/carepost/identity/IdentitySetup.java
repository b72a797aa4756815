package org.carepost.identity;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * CarePost's groups and what each may do in the engine, created idempotently at every start. Demo users only when
 * asked (the embedded default).
 */
public class IdentitySetup {

    public record GroupDef(String id, String name) {
    }

    public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    }

    public static final List<GroupDef> GROUPS = List.of(
            new GroupDef("authors", "Authors"),
            new GroupDef("privacy", "Privacy / HIPAA reviewers"),
            new GroupDef("legal", "Legal reviewers"),
            new GroupDef("brand", "Brand (central social team)"),
            new GroupDef("medical", "Medical accuracy reviewers"),
            new GroupDef("communications", "Communications leads (crisis updates)"),
            new GroupDef("dept-cardiology", "Cardiology"),
            new GroupDef("dept-oncology", "Oncology"),
            new GroupDef("dept-heads", "Department heads"),
            new GroupDef("auditors", "Auditors"),
            new GroupDef("compliance", "Compliance leads (models, governance analytics)"),
            new GroupDef("operations", "Operations (health and metrics)"),
            new GroupDef("camunda-admin", "Administrators"));

    public static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("alice", "Alice", "Moreau (author, cardiology)", List.of("authors", "dept-cardiology")),
            new DemoUser("omar", "Omar", "Haddad (author, oncology)", List.of("authors", "dept-oncology")),
            new DemoUser("pat", "Pat", "Kim (privacy officer)", List.of("privacy")),
            new DemoUser("lee", "Lee", "Chen (legal)", List.of("legal")),
            new DemoUser("bria", "Bria", "Santos (brand)", List.of("brand")),
            new DemoUser("mia", "Mia", "Okafor (medical reviewer)", List.of("medical")),
            new DemoUser("cole", "Cole", "Ibsen (communications lead)", List.of("communications")),
            new DemoUser("carl", "Carl", "Jensen (head of cardiology)", List.of("dept-heads", "dept-cardiology")),
            new DemoUser("olga", "Olga", "Petrova (head of oncology)", List.of("dept-heads", "dept-oncology")),
            new DemoUser("audrey", "Audrey", "Blake (auditor)", List.of("auditors")),
            new DemoUser("cora", "Cora", "Lindqvist (compliance lead)", List.of("compliance")),
            new DemoUser("otto", "Otto", "Lind (operations)", List.of("operations")),
            new DemoUser("admin", "Ada", "Admin", List.of("camunda-admin")));

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    public IdentitySetup(ProcessEngine engine) {
        this.identity = engine.getIdentityService();
        this.authorizations = engine.getAuthorizationService();
    }

    public void createGroupsAndAuthorizations() {
        for (GroupDef def : GROUPS) {
            if (identity.createGroupQuery().groupId(def.id()).count() == 0) {
                Group group = identity.newGroup(def.id());
                group.setName(def.name());
                group.setType(def.id().equals("camunda-admin") ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(group);
            }
        }
        // Everybody may open Tasklist and see who people are (names, not ids); each shared filter is granted to its
        // groups by TasklistFilters.
        global(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        global(Resources.USER, "*", Permissions.READ);
        global(Resources.GROUP, "*", Permissions.READ);

        // Administrators: ALL on every resource type, as Camunda's own admin setup grants it. Being in the engine's admin
        // group only exempts them from CarePost's ReservedOperations and from a few admin-only engine calls; Camunda
        // still checks their authorizations on every query and command, so without these grants "admin" saw no
        // deployment, instance, incident or authorization on any client (/engine-rest, the webapps' REST, Cockpit).
        // First: setup runs as one command (CarePostEnginePlugin), whose inserts a later existence query does not see,
        // so no other grant of theirs on "*" may come before.
        for (Resources resource : Resources.values()) {
            grantAll("camunda-admin", resource);
        }
        grant("authors", Resources.PROCESS_DEFINITION, "content-approval", Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant("authors", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        // The privacy office records revocations from Tasklist (process revoke-authorization's start form).
        grant("privacy", Resources.PROCESS_DEFINITION, "revoke-authorization", Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant("privacy", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        // Operations and administrators (ALL, above) offboard leaving staff from Tasklist (process offboard-user's
        // start form). Nobody else may start it, on any client.
        grant("operations", Resources.PROCESS_DEFINITION, "offboard-user", Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant("operations", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        // Communications and privacy pause publishing during a crisis (process pause-publishing's start form); the
        // task "Publishing paused" is theirs (candidate groups), and its listener lets only them resume.
        for (String pausers : List.of("communications", "privacy")) {
            grant(pausers, Resources.PROCESS_DEFINITION, "pause-publishing", Permissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        grant("communications", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE); // privacy has it (above)
        for (String reviewers : List.of("privacy", "legal", "brand", "medical", "communications", "dept-heads")) {
            grant(reviewers, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        }
        // Auditors read everything and change nothing.
        grant("auditors", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // With enforceSpecificVariablePermission, READ no longer reads variables: the auditors keep reading every
        // instance's, task's and history's variables, as before the flag (the trail reads signoffDepartment).
        grant("auditors", Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        grant("auditors", Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant("auditors", Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant("auditors", Resources.TASK, "*", Permissions.READ, TaskPermissions.READ_VARIABLE);
        grant("auditors", Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
        grant("auditors", Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
        // The user operation log (who completed, claimed, assigned what) for the auditor's view.
        grant("auditors", Resources.OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);
        operationsInCockpit();
        createModelChangeGrants();
    }

    /**
     * Operations in Cockpit: every process definition, instance, incident and job, and a job's retries; no variable
     * (no READ_INSTANCE_VARIABLE, READ_TASK_VARIABLE or READ_HISTORY_VARIABLE: draftView holds the draft's text, and
     * with enforceSpecificVariablePermission seeing an instance no longer reads its variables). READ_INSTANCE on the
     * definitions, not READ on the instances: their grant on PROCESS_INSTANCE "*" (CREATE, to start offboarding)
     * stays as it is. Resolving and annotating incidents, and retries, are reserved to them (ReservedOperations);
     * Camunda's own check for a retry is RETRY_JOB.
     */
    private void operationsInCockpit() {
        grant("operations", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("operations", Resources.PROCESS_DEFINITION, "*", Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.RETRY_JOB);
    }

    /**
     * Model changes (process model-change): compliance deploys from Camunda Modeler (CREATE only: no READ, DELETE or
     * change of any deployment, and no process instance; what they deploy is a proposal, process.modelchange) and
     * reads model-change's definition for its task form; privacy reads every definition already.
     */
    private void createModelChangeGrants() {
        grant("compliance", Resources.DEPLOYMENT, "*", Permissions.CREATE);
        grant("compliance", Resources.PROCESS_DEFINITION, "model-change", Permissions.READ);
    }

    public void createDemoUsers() {
        for (DemoUser demo : DEMO_USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() > 0) {
                continue;
            }
            User user = identity.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@carepost.invalid");
            user.setPassword(demo.id());
            identity.saveUser(user);
            demo.groups().forEach(g -> identity.createMembership(demo.id(), g));
        }
    }

    private void global(Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!exists) {
            Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            auth.setUserId(Authorization.ANY);
            save(auth, resource, resourceId, permissions);
        }
    }

    /**
     * The group's grant on the resource, created, or given the permissions it lacks (a grant widened by a new
     * version reaches databases set up before). Nothing is taken away. One call per group, resource type and id:
     * setup runs as one command, whose inserts a later query does not see (a second call would insert a twin).
     */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (existing == null) {
            Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(group);
            save(auth, resource, resourceId, permissions);
        } else if (Arrays.stream(permissions).anyMatch(p -> !existing.isPermissionGranted(p))) {
            Arrays.stream(permissions).forEach(existing::addPermission);
            authorizations.saveAuthorization(existing);
        }
    }

    /** ALL on every id of the type; an existing grant on "*" with fewer permissions is raised to ALL. */
    private void grantAll(String group, Resource resource) {
        Authorization auth = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(Authorization.ANY).singleResult();
        if (auth == null) {
            auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(group);
            save(auth, resource, Authorization.ANY, Permissions.ALL);
        } else if (!auth.isEveryPermissionGranted()) {
            auth.addPermission(Permissions.ALL);
            authorizations.saveAuthorization(auth);
        }
    }

    private void save(Authorization auth, Resource resource, String resourceId, Permission... permissions) {
        auth.setResource(resource);
        auth.setResourceId(resourceId);
        for (Permission permission : permissions) {
            auth.addPermission(permission);
        }
        authorizations.saveAuthorization(auth);
    }
}
