package org.carepost.process;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.Platform;
import org.springframework.stereotype.Component;

/**
 * On create of "Record signed authorization" and of the author's "Draft stopped" notice: shows which post the task is
 * about (title, kind, platforms) as task-local variables; the authorization itself lives in our tables.
 */
@Component("consentTaskListener")
public class RecordAuthorizationTaskListener implements TaskListener {

    private final ContentService contents;

    public RecordAuthorizationTaskListener(ContentService contents) {
        this.contents = contents;
    }

    @Override
    public void notify(DelegateTask task) {
        ContentItem item = contents.get(ProcessVariables.contentId(task));
        task.setVariableLocal("contentTitle", item.getTitle());
        task.setVariableLocal("contentKind", item.getKind().code());
        task.setVariableLocal("contentPlatforms", item.getPlatforms().stream().map(Platform::code)
                .collect(Collectors.joining(", ")));
    }
}
