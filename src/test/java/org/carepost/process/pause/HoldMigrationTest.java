package org.carepost.process.pause;

import org.carepost.process.ModelBeans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carepost.pause.PublishingPauses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drafts waiting for their scheduled time on content-approval as it was before the pause (a copy in
 * src/test/resources) move to the latest version at start-up, keep their timer, and are then held by a pause; a draft
 * elsewhere in the old version stays on it. Not a *ProcessTest: it walks migration, not the models' paths.
 */
class HoldMigrationTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml").build();

    private ProcessEngine engine;
    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        init(engine);
    }

    @AfterEach
    void tearDown() {
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
        Mocks.reset();
    }

    @Test
    void draftsWaitingForTheirTimeMoveToTheVersionWithTheHoldAndAreHeld() {
        ProcessDefinition old = deploy("content-approval-before-pause.bpmn");
        Date publishAt = new Date(System.currentTimeMillis() + 3_600_000);
        UUID contentId = UUID.randomUUID();
        ProcessInstance waiting = engine.getRuntimeService().createProcessInstanceById(old.getId())
                .businessKey(contentId.toString()).setVariable("publishAt", publishAt)
                .startBeforeActivity("scheduledTimeReached").execute();
        ProcessInstance inReview = engine.getRuntimeService().createProcessInstanceById(old.getId())
                .businessKey(UUID.randomUUID().toString()).startBeforeActivity("reviseDraft")
                .setVariable("author", "alice").setVariable("publishAt", publishAt).execute(true, true);
        HoldMigration migration = new HoldMigration(engine);
        assertThat(migration.migrateWaitingDrafts()).as("nothing to do before the new version exists").isZero();

        ProcessDefinition latest = deploy("processes/content-approval.bpmn");
        assertThat(migration.migrateWaitingDrafts()).isEqualTo(1);
        assertThat(instance(waiting).getProcessDefinitionId()).isEqualTo(latest.getId());
        assertThat(instance(inReview).getProcessDefinitionId()).as("a draft in review keeps its version")
                .isEqualTo(old.getId());
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(waiting.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(publishAt);
        assertThat(migration.migrateWaitingDrafts()).as("run again, e.g. by the second node").isZero();

        PublishingPauses pauses = mock(PublishingPauses.class);
        when(pauses.hold(contentId)).thenReturn(Optional.of("paused: publishing is paused for all departments"));
        ModelBeans.register(new PublishingPauseCheckDelegate(pauses));
        engine.getManagementService().executeJob(timer.getId());
        assertThat(waiting).isWaitingAt("publishingResumed");
    }

    private ProcessDefinition deploy(String resource) {
        var deployment = engine.getRepositoryService().createDeployment()
                .addClasspathResource(resource)
                .name("content-approval").deploy();
        deployments.add(deployment.getId());
        return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment.getId())
                .singleResult();
    }

    private ProcessInstance instance(ProcessInstance pi) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
    }
}
