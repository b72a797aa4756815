package org.carepost.process.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.content.ContentService;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/** "Mark draft rejected". */
@Component
public class MarkRejectedDelegate implements JavaDelegate {

    private final ContentService contents;

    public MarkRejectedDelegate(ContentService contents) {
        this.contents = contents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        contents.reject(ProcessVariables.contentId(execution), ProcessVariables.SYSTEM_ACTOR, execution.getProcessInstanceId());
    }
}
