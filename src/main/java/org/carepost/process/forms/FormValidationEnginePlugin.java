package org.carepost.process.forms;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Every task completion and form submission is checked against the task's (or start event's) Camunda Form before
 * a variable is set: see {@link FormSubmissionGuard}. Installed as the engine's task and form services so no client
 * and no future form can skip it.
 */
@Component
public class FormValidationEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTaskService(new FormSubmissionGuard.GuardedTaskService());
        configuration.setFormService(new FormSubmissionGuard.GuardedFormService());
    }
}
