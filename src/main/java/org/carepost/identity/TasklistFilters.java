package org.carepost.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The shared Tasklist filters, created once (by name) at start-up, and kept up to date: their list columns (the post's
 * title, kind and department, from the process variables {@code postTitle}, {@code postKind}, {@code postDepartment})
 * and who sees them. Each filter is granted to the groups it is meant for, so an author sees "My tasks" only, not
 * the reviewers' filters. Camunda's authorizations still apply to every task in a filter.
 */
public class TasklistFilters {

    /** Every CarePost group that works in Tasklist, and auditors, who read every filter. */
    private static final List<String> REVIEWERS = List.of("privacy", "legal", "brand", "medical", "communications",
            "dept-heads");

    record FilterDef(String name, String description, int priority, TaskQuery query, List<String> groups) {
    }

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    public TasklistFilters(ProcessEngine engine) {
        this.filters = engine.getFilterService();
        this.tasks = engine.getTaskService();
        this.authorizations = engine.getAuthorizationService();
    }

    public List<String> names() {
        return definitions().stream().map(FilterDef::name).toList();
    }

    public void create() {
        for (FilterDef def : definitions()) {
            Filter filter = filters.createFilterQuery().filterName(def.name()).singleResult();
            if (filter == null) {
                filter = filters.newTaskFilter(def.name());
                filter.setQuery(def.query());
            }
            Map<String, Object> properties = properties(def);
            if (!properties.equals(filter.getProperties())) {
                filter.setProperties(properties);
                filter = filters.saveFilter(filter);
            }
            grant(filter.getId(), def.groups());
        }
        // Before: every user read every filter (a global grant); now each filter names its groups.
        authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(Resources.FILTER).resourceId(Authorization.ANY).list()
                .forEach(global -> authorizations.deleteAuthorization(global.getId()));
    }

    private static Map<String, Object> properties(FilterDef def) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", def.description());
        properties.put("priority", def.priority());
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", List.of(column("postTitle", "Post"), column("postKind", "Kind"),
                column("postDepartment", "Department")));
        return properties;
    }

    private static Map<String, Object> column(String name, String label) {
        return Map.of("name", name, "label", label);
    }

    private void grant(String filterId, List<String> groups) {
        for (String group : groups) {
            boolean exists = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
                    .resourceId(filterId).count() > 0;
            if (!exists) {
                Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                auth.setGroupId(group);
                auth.setResource(Resources.FILTER);
                auth.setResourceId(filterId);
                auth.addPermission(Permissions.READ);
                authorizations.saveAuthorization(auth);
            }
        }
    }

    private static List<String> with(List<String> groups, String... more) {
        List<String> all = new java.util.ArrayList<>(groups);
        all.addAll(List.of(more));
        all.add("auditors");
        return all;
    }

    private List<FilterDef> definitions() {
        return List.of(
                new FilterDef("My tasks", "Tasks assigned to me, e.g. drafts to revise", -10,
                        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()
                                .orderByTaskCreateTime().asc(), with(REVIEWERS, "authors", "compliance")),
                new FilterDef("My groups' tasks", "Everything I may pick up", -5,
                        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks().orderByDueDate().asc().orderByTaskCreateTime().asc(),
                        with(REVIEWERS, "compliance")), // compliance: "Approve model change"
                new FilterDef("Privacy reviews", "PHI decisions, patient authorizations and privacy / HIPAA reviews", 0,
                        tasks.createTaskQuery().taskCandidateGroup("privacy").includeAssignedTasks()
                                .orderByDueDate().asc().orderByTaskCreateTime().asc(), with(List.of("privacy"))),
                new FilterDef("Legal reviews", "Legal reviews", 1,
                        tasks.createTaskQuery().taskCandidateGroup("legal").includeAssignedTasks()
                                .orderByDueDate().asc().orderByTaskCreateTime().asc(), with(List.of("legal"))),
                new FilterDef("My department's sign-offs", "Sign-offs waiting for me as head of department", 2,
                        tasks.createTaskQuery().taskDefinitionKey("departmentSignoff")
                                .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
                                .orderByDueDate().asc().orderByTaskCreateTime().asc(), with(List.of("dept-heads"))),
                new FilterDef("Due today", "My groups' tasks due before tomorrow", 3,
                        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks()
                                .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")
                                .orderByDueDate().asc(), with(REVIEWERS)),
                new FilterDef("Overdue", "My groups' tasks past their due date", 4,
                        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks().dueBeforeExpression("${now()}").orderByDueDate().asc(),
                        with(REVIEWERS)));
    }
}
