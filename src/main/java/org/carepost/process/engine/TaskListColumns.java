package org.carepost.process.engine;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentNotFoundException;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersionAdded;
import org.carepost.tasklist.DraftViews;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The list columns of the shared Tasklist filters (post title, kind, department) as task-local variables of every
 * user task whose process belongs to a draft. Task-local, because Tasklist reads a filter's columns with a variable
 * query that a reviewer passes only for variables of tasks they may read, never for a process's (which would also
 * reveal other drafts' variables). Set when the task is created; the title again when a redaction changes it. Kept
 * out of history ({@link PrivateVariables}).
 */
@Component
public class TaskListColumns extends AbstractProcessEnginePlugin {

    public static final String POST_TITLE = "postTitle";
    public static final String POST_KIND = "postKind";
    public static final String POST_DEPARTMENT = "postDepartment";

    private final ObjectProvider<ContentService> contents;
    private final ObjectProvider<ProcessEngine> engine;

    public TaskListColumns(ObjectProvider<ContentService> contents, ObjectProvider<ProcessEngine> engine) {
        this.contents = contents;
        this.engine = engine;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        TaskListener onCreate = this::columns;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
            }
        });
    }

    void columns(DelegateTask task) {
        draftOf(task.getExecution().getProcessBusinessKey()).ifPresent(item -> {
            task.setVariableLocal(POST_TITLE, item.getTitle());
            task.setVariableLocal(POST_KIND, item.getKind().label());
            task.setVariableLocal(POST_DEPARTMENT, DraftViews.departmentLabel(item.getDepartment()));
        });
    }

    /** A redaction may change the title: the open tasks of the draft show the new one. */
    @EventListener
    public void versionAdded(ContentVersionAdded event) {
        ProcessEngine processEngine = engine.getObject();
        String title = contents.getObject().get(event.contentId()).getTitle();
        var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        // On the task entities themselves: these are our variables, not a form submission (no form check, any user).
        configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            for (Task task : processEngine.getTaskService().createTaskQuery()
                    .processInstanceBusinessKey(event.contentId().toString()).list()) {
                context.getTaskManager().findTaskById(task.getId()).setVariableLocal(POST_TITLE, title);
            }
            return null;
        }));
    }

    private java.util.Optional<ContentItem> draftOf(String businessKey) {
        if (businessKey == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(contents.getObject().get(UUID.fromString(businessKey)));
        } catch (IllegalArgumentException | ContentNotFoundException e) {
            return java.util.Optional.empty(); // not a draft's process (a revocation, say)
        }
    }
}
