package org.carepost.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The shared Tasklist filters, created once (by name) at start-up. Each shows only what the user may see anyway:
 * Camunda's authorizations still apply to every task in a filter.
 */
public class TasklistFilters {

    record FilterDef(String name, String description, int priority, TaskQuery query) {
    }

    private final FilterService filters;
    private final TaskService tasks;

    public TasklistFilters(ProcessEngine engine) {
        this.filters = engine.getFilterService();
        this.tasks = engine.getTaskService();
    }

    public List<String> names() {
        return definitions().stream().map(FilterDef::name).toList();
    }

    public void create() {
        for (FilterDef def : definitions()) {
            if (filters.createFilterQuery().filterName(def.name()).count() > 0) {
                continue;
            }
            Filter filter = filters.newTaskFilter(def.name());
            filter.setQuery(def.query());
            filter.setProperties(Map.of("description", def.description(), "priority", def.priority(),
                    "refresh", true, "showUndefinedVariable", false));
            filters.saveFilter(filter);
        }
    }

    private List<FilterDef> definitions() {
        return List.of(
                new FilterDef("My tasks", "Tasks assigned to me, e.g. drafts to revise", -10,
                        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()
                                .orderByTaskCreateTime().asc()),
                new FilterDef("My groups' tasks", "Everything I may pick up", -5,
                        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks().orderByDueDate().asc().orderByTaskCreateTime().asc()),
                new FilterDef("Privacy reviews", "PHI resolution and privacy / HIPAA reviews", 0,
                        tasks.createTaskQuery().taskCandidateGroup("privacy").includeAssignedTasks()
                                .orderByDueDate().asc().orderByTaskCreateTime().asc()),
                new FilterDef("Legal reviews", "Legal reviews", 1,
                        tasks.createTaskQuery().taskCandidateGroup("legal").includeAssignedTasks()
                                .orderByDueDate().asc().orderByTaskCreateTime().asc()),
                new FilterDef("My department's sign-offs", "Sign-offs waiting for me as head of department", 2,
                        tasks.createTaskQuery().taskDefinitionKey("departmentSignoff")
                                .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
                                .orderByDueDate().asc().orderByTaskCreateTime().asc()),
                new FilterDef("Due today", "My groups' tasks due before tomorrow", 3,
                        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks()
                                .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")
                                .orderByDueDate().asc()),
                new FilterDef("Overdue", "My groups' tasks past their due date", 4,
                        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks().dueBeforeExpression("${now()}").orderByDueDate().asc()));
    }
}
