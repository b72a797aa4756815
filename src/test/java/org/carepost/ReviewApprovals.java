package org.carepost;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;

/** Approves a draft's review or sign-off task as its reviewer would (through the engine, as that user), once it exists. */
public record ReviewApprovals(TaskService tasks, IdentityService identity) {

    public void approve(String process, String taskKey, String user, String... groups) {
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(process)
                .taskDefinitionKey(taskKey).count() == 1);
        String id = tasks.createTaskQuery().processInstanceId(process).taskDefinitionKey(taskKey).singleResult().getId();
        identity.setAuthentication(user, List.of(groups));
        try {
            tasks.complete(id, Map.of("decision", "approve", "comment", ""));
        } finally {
            identity.clearAuthentication();
        }
    }
}
