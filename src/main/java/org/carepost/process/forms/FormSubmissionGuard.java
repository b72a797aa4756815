package org.carepost.process.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Checks what a user submits to a task or a start event against its Camunda Form ({@link FormSchema}) inside the
 * same engine command, before any variable is set: a refusal is a {@link BadUserRequestException} (400 on
 * /engine-rest and in Tasklist) and nothing is written. Installed as the engine's task and form services, so every
 * client (Tasklist, /engine-rest, Java) goes through it: task complete and submit-form, and start-form submission.
 * Tasks and start events without a Camunda Form are not checked.
 */
final class FormSubmissionGuard {

    private FormSubmissionGuard() {
    }

    static void checkTask(CommandContext context, String taskId, Map<String, Object> variables) {
        checkTask(context, taskId, variables, false);
    }

    /**
     * {@code workCheckedNext}: the command that follows checks TASK_WORK on the task before it touches anything
     * (complete, submit form). Then the check here runs only when the submission is refused, so the caller's 403
     * still comes before any statement about their input, and an accepted submission is not checked twice (the
     * check is a query, and about 7% of the JVM samples of a post in ProcessThroughputBenchmark).
     */
    static void checkTask(CommandContext context, String taskId, Map<String, Object> variables, boolean workCheckedNext) {
        if (taskId == null || variables == null || variables.isEmpty()) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null || task.getTaskDefinition() == null || !hasCamundaForm(task.getTaskDefinition().getFormDefinition())) {
            return; // the real command reports a missing task
        }
        if (!workCheckedNext) {
            checkWork(context, task);
        }
        List<String> problems;
        FormSchema schema;
        try {
            schema = schema(context.runWithoutAuthorization(() -> new KeptFormCmd(taskId).execute(context)));
            problems = schema.problems(variables);
        } catch (RuntimeException e) {
            if (workCheckedNext) {
                checkWork(context, task);
            }
            throw e;
        }
        if (!problems.isEmpty()) {
            if (workCheckedNext) {
                checkWork(context, task);
            }
            throw refused(schema, problems);
        }
    }

    private static void checkWork(CommandContext context, TaskEntity task) {
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task); // the caller's 403 comes before any statement about their input
        }
    }

    /**
     * The task's deployed form, as {@link GetDeployedTaskFormCmd} finds it (the form definition its reference points
     * to now, "latest" included), with the bytes of each form definition kept per engine: a deployed resource never
     * changes, so two of the three queries of every completion (the deployment, the resource) are asked once.
     */
    static final class KeptFormCmd extends GetDeployedTaskFormCmd {

        private static final Map<ProcessEngineConfigurationImpl, Map<String, byte[]>> FORMS =
                java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

        KeptFormCmd(String taskId) {
            super(taskId);
        }

        @Override
        protected InputStream getResourceForCamundaFormRef(CamundaFormRef ref, String deploymentId) {
            CamundaFormDefinition definition = commandContext.runWithoutAuthorization(
                    new GetCamundaFormDefinitionCmd(ref, deploymentId));
            if (definition == null) {
                return super.getResourceForCamundaFormRef(ref, deploymentId); // refuses it as the engine does
            }
            byte[] form = FORMS.computeIfAbsent(commandContext.getProcessEngineConfiguration(),
                            engine -> new java.util.concurrent.ConcurrentHashMap<>())
                    .computeIfAbsent(definition.getId(), id -> {
                        try (InputStream in = getDeploymentResource(definition.getDeploymentId(), definition.getResourceName())) {
                            return in.readAllBytes();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            return new java.io.ByteArrayInputStream(form);
        }
    }

    /** Only a form's own editable fields may be removed (say, a comment typed and then cleared). */
    static void checkRemoval(CommandContext context, String taskId, java.util.Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return;
        }
        Map<String, Object> asNull = new java.util.HashMap<>();
        names.forEach(name -> asNull.put(name, null));
        checkTask(context, taskId, asNull);
    }

    static void checkStart(CommandContext context, String processDefinitionId, Map<String, Object> variables) {
        if (processDefinitionId == null || variables == null || variables.isEmpty()) {
            return;
        }
        ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(processDefinitionId);
        if (definition == null || !hasCamundaForm(definition.getStartFormDefinition())) {
            return;
        }
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkCreateProcessInstance(definition);
        }
        check(context.runWithoutAuthorization(() -> new GetDeployedStartFormCmd(processDefinitionId).execute(context)),
                variables);
    }

    private static boolean hasCamundaForm(FormDefinition form) {
        return form != null && form.getCamundaFormDefinitionKey() != null;
    }

    private static void check(InputStream form, Map<String, Object> variables) {
        FormSchema schema = schema(form);
        List<String> problems = schema.problems(variables);
        if (!problems.isEmpty()) {
            throw refused(schema, problems);
        }
    }

    private static FormSchema schema(InputStream form) {
        try (form) {
            return FormSchema.parse(form);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BadUserRequestException refused(FormSchema schema, List<String> problems) {
        return new BadUserRequestException("Form '" + schema.id() + "' refused: " + String.join("; ", problems) + ".");
    }

    /** Task completion, with or without variables in return. */
    static final class GuardedTaskService extends TaskServiceImpl {

        @Override
        public void complete(String taskId, Map<String, Object> variables) {
            commandExecutor.execute(context -> {
                checkTask(context, taskId, variables, true);
                return new CompleteTaskCmd(taskId, variables, false, false).execute(context);
            });
        }

        @Override
        public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserialize) {
            return commandExecutor.execute(context -> {
                checkTask(context, taskId, variables, true);
                return new CompleteTaskCmd(taskId, variables, true, deserialize).execute(context);
            });
        }

        /**
         * Whoever may work on a task may also set its variables (/engine-rest/task/{id}/variables): the same rules
         * apply, or a reviewer could change {@code signoffDepartments}, {@code author} or the task-local
         * {@code versionHash} the decision is bound to.
         */
        @Override
        protected void setVariables(String taskId, Map<String, ? extends Object> variables, boolean local) {
            commandExecutor.execute(context -> {
                checkTask(context, taskId, new java.util.HashMap<>(variables));
                return new org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd(taskId, variables, local).execute(context);
            });
        }

        @Override
        protected void updateVariables(String taskId, Map<String, ? extends Object> modifications,
                                       java.util.Collection<String> deletions, boolean local) {
            commandExecutor.execute(context -> {
                checkTask(context, taskId, modifications == null ? Map.of() : new java.util.HashMap<>(modifications));
                checkRemoval(context, taskId, deletions);
                return new org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd(taskId, modifications, deletions, local)
                        .execute(context);
            });
        }

        @Override
        public void removeVariable(String taskId, String name) {
            removeVariables(taskId, java.util.List.of(name));
        }

        @Override
        public void removeVariableLocal(String taskId, String name) {
            removeVariablesLocal(taskId, java.util.List.of(name));
        }

        @Override
        public void removeVariables(String taskId, java.util.Collection<String> names) {
            remove(taskId, names, false);
        }

        @Override
        public void removeVariablesLocal(String taskId, java.util.Collection<String> names) {
            remove(taskId, names, true);
        }

        private void remove(String taskId, java.util.Collection<String> names, boolean local) {
            commandExecutor.execute(context -> {
                checkRemoval(context, taskId, names);
                return new org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd(taskId, names, local).execute(context);
            });
        }

        /** A delegated task handed back to its owner also sets variables. */
        @Override
        public void resolveTask(String taskId, Map<String, Object> variables) {
            commandExecutor.execute(context -> {
                checkTask(context, taskId, variables);
                return new org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd(taskId, variables).execute(context);
            });
        }
    }

    /** Task and start forms submitted (Tasklist's way). */
    static final class GuardedFormService extends FormServiceImpl {

        @Override
        public void submitTaskForm(String taskId, Map<String, Object> properties) {
            commandExecutor.execute(context -> {
                checkTask(context, taskId, properties, true);
                return new SubmitTaskFormCmd(taskId, properties, false, false).execute(context);
            });
        }

        @Override
        public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
                                                               boolean deserializeValues) {
            return commandExecutor.execute(context -> {
                checkTask(context, taskId, properties, true);
                return new SubmitTaskFormCmd(taskId, properties, true, deserializeValues).execute(context);
            });
        }

        @Override
        public void submitTaskFormData(String taskId, Map<String, String> properties) {
            submitTaskForm(taskId, new java.util.HashMap<>(properties));
        }

        @Override
        public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
            return submitStartForm(processDefinitionId, null, properties);
        }

        @Override
        public ProcessInstance submitStartForm(String processDefinitionId, String businessKey, Map<String, Object> properties) {
            return commandExecutor.execute(context -> {
                checkStart(context, processDefinitionId, properties);
                return new SubmitStartFormCmd(processDefinitionId, businessKey, properties).execute(context);
            });
        }

        @Override
        public ProcessInstance submitStartFormData(String processDefinitionId, Map<String, String> properties) {
            return submitStartForm(processDefinitionId, null, new java.util.HashMap<>(properties));
        }

        @Override
        public ProcessInstance submitStartFormData(String processDefinitionId, String businessKey, Map<String, String> properties) {
            return submitStartForm(processDefinitionId, businessKey, new java.util.HashMap<>(properties));
        }
    }

}
