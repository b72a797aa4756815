package org.carepost.web;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The Camunda Forms a deployed model uses, read from the model itself: a browser test collects the forms it opened
 * and compares them with these, so a form added to the model without a browser step fails the test.
 */
record ModelForms(RepositoryService repository, String processKey) {

    String startForm() {
        return model().getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
                .filter(Objects::nonNull).findFirst().orElseThrow();
    }

    String ofTask(String taskId) {
        return ((UserTask) model().getModelElementById(taskId)).getCamundaFormRef();
    }

    Set<String> all() {
        Set<String> forms = new LinkedHashSet<>();
        model().getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef)
                .filter(Objects::nonNull).forEach(forms::add);
        model().getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
                .filter(Objects::nonNull).forEach(forms::add); // model-change has no start form
        return forms;
    }

    private BpmnModelInstance model() {
        return repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult().getId());
    }
}
