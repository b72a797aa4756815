package org.carepost.process.approval;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepost.content.ContentService;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/**
 * "Send the new version to review" (event sub-process "Revised after approval"): the approved draft was edited
 * before publication, so its approval is void. This instance ends; a new content-approval instance for the same
 * draft (same business key) starts at the routing decision of the new version.
 */
@Component
public class RestartReviewDelegate implements JavaDelegate {

    private final ContentService contents;

    public RestartReviewDelegate(ContentService contents) {
        this.contents = contents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID contentId = ProcessVariables.contentId(execution);
        ProcessInstance next = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceByKey(
                ProcessVariables.PROCESS_KEY).processDefinitionWithoutTenantId().businessKey(contentId.toString())
                .setVariables(Map.of(
                        ProcessVariables.CONTENT_ID, contentId.toString(),
                        ProcessVariables.AUTHOR, execution.getVariable(ProcessVariables.AUTHOR),
                        ProcessVariables.DEPARTMENT, execution.getVariable(ProcessVariables.DEPARTMENT),
                        ProcessVariables.PUBLISH_AT, execution.getVariable(ProcessVariables.PUBLISH_AT))).execute();
        contents.attachProcess(contentId, next.getId());
        execution.setVariable("restartedAs", next.getId());
    }
}
