package org.carepost.process.pause;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepost.process.engine.ProcessVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, drafts waiting for their scheduled time on a content-approval version from before the publishing
 * pause are moved to the latest version, so a pause holds them too. Only those: an instance anywhere else (in
 * review, say) finishes on the version it started with, as every model change does. Ids and counts only in the log.
 */
@Component
public class HoldMigration {

    static final String WAITING = "scheduledTimeReached";
    static final String HOLD_STEP = "checkPublishingPause";
    private static final Logger LOG = LoggerFactory.getLogger(HoldMigration.class);

    private final ProcessEngine engine;

    public HoldMigration(ProcessEngine engine) {
        this.engine = engine;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStartup() {
        migrateWaitingDrafts();
    }

    /** Migrates the waiting drafts of every older version without the hold step; returns how many moved. */
    public int migrateWaitingDrafts() {
        var repository = engine.getRepositoryService();
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .withoutTenantId().latestVersion().singleResult();
        if (latest == null || repository.getBpmnModelInstance(latest.getId()).getModelElementById(HOLD_STEP) == null) {
            return 0;
        }
        // One query for every waiting draft of the key; only the versions they are on are looked at (this runs at
        // every start, and the versions only grow).
        java.util.Map<String, List<String>> waitingByVersion = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ProcessVariables.PROCESS_KEY).activityIdIn(WAITING).list().stream()
                .filter(pi -> !pi.getProcessDefinitionId().equals(latest.getId()))
                .collect(java.util.stream.Collectors.groupingBy(ProcessInstance::getProcessDefinitionId,
                        java.util.stream.Collectors.mapping(ProcessInstance::getId, java.util.stream.Collectors.toList())));
        int moved = 0;
        for (var version : waitingByVersion.entrySet()) {
            String old = version.getKey();
            List<String> waiting = version.getValue();
            if (repository.getBpmnModelInstance(old).getModelElementById(HOLD_STEP) != null) {
                continue;
            }
            try {
                var plan = engine.getRuntimeService().createMigrationPlan(old, latest.getId())
                        .mapEqualActivities().build();
                engine.getRuntimeService().newMigration(plan).processInstanceIds(waiting).execute();
                moved += waiting.size();
                LOG.info("Moved {} drafts waiting for their scheduled time from {} to {} (publishing pause holds them)",
                        waiting.size(), old, latest.getId());
            } catch (RuntimeException e) {
                // Another node migrated them first, or an old version cannot be mapped: their publish job still
                // refuses to publish while paused (PublishDelegate), it fails and retries instead.
                LOG.warn("Drafts waiting on {} were not moved to {}: {}", old, latest.getId(), e.getMessage());
            }
        }
        return moved;
    }
}
