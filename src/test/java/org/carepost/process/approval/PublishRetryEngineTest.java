package org.carepost.process.approval;

import org.carepost.process.ModelBeans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carepost.publishing.PlatformException;
import org.carepost.publishing.PublishingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.carepost.process.engine.ProcessVariables;
import org.carepost.process.engine.PublishingEnginePlugin;

/**
 * The job behind "Publish to platforms" (real BPMN, real delegate, mocked publishing): failures that may heal keep
 * the retry cycle, an expired token or a refused request becomes an incident at once whose message names the
 * account to re-authorise. Not a flow test (it starts right before the task), so no coverage threshold.
 */
class PublishRetryEngineTest {

    /** The shared process-test engine (it records coverage); no threshold: this test starts right before the task. */
    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml").build();

    PublishingService publishing;
    FailedJobCommandFactory previous;

    @BeforeEach
    void setUp(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        previous = configuration.getFailedJobCommandFactory();
        new PublishingEnginePlugin().preInit(configuration);
        publishing = mock(PublishingService.class);
        ModelBeans.register(new PublishDelegate(publishing));
        // No publishing pause here (PausePublishingProcessTest, ContentApprovalProcessTest cover the hold).
        ModelBeans.register(new org.carepost.process.pause.PublishingPauseCheckDelegate(
                org.mockito.Mockito.mock(org.carepost.pause.PublishingPauses.class)));
    }

    @AfterEach
    void tearDown(ProcessEngine processEngine) {
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).setFailedJobCommandFactory(previous);
        Mocks.reset();
    }

    private Job failOnce(ProcessEngine processEngine, PlatformException failure) {
        when(publishing.publish(any(UUID.class), anyString())).thenThrow(failure);
        String pid = processEngine.getRuntimeService().createProcessInstanceByKey(ProcessVariables.PROCESS_KEY)
                .businessKey(UUID.randomUUID().toString()).startBeforeActivity("publishToPlatforms").execute().getId();
        Job job = processEngine.getManagementService().createJobQuery().processInstanceId(pid).singleResult();
        assertThat(catchThrowable(() -> processEngine.getManagementService().executeJob(job.getId()))).isNotNull();
        return processEngine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    }

    @Test
    @Deployment(resources = "processes/content-approval.bpmn")
    void anExpiredTokenRaisesAnIncidentNamingTheAccountAtOnce(ProcessEngine processEngine) {
        Job job = failOnce(processEngine, new PlatformException(PlatformException.Kind.AUTHENTICATION,
                "Content 1 published on 1 of 2 platforms. AUTHENTICATION: x account 'cardiology': POST /2/tweets answered "
                        + "HTTP 401 (Unauthorized:); the account 'cardiology' on x needs re-authorisation"));

        assertThat(job.getRetries()).isZero();
        Incident incident = processEngine.getRuntimeService().createIncidentQuery().configuration(job.getId())
                .singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentMessage()).contains("x account 'cardiology'", "needs re-authorisation");
    }

    @Test
    @Deployment(resources = "processes/content-approval.bpmn")
    void aPermanentRefusalFailsFast(ProcessEngine processEngine) {
        Job job = failOnce(processEngine, new PlatformException(PlatformException.Kind.PERMANENT,
                "mastodon account 'default': POST /api/v1/statuses answered HTTP 422"));

        assertThat(job.getRetries()).isZero();
        assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isEqualTo(1);
    }

    @Test
    @Deployment(resources = "processes/content-approval.bpmn")
    void rateLimitsAndServerErrorsKeepTheRetryCycle(ProcessEngine processEngine) {
        Job job = failOnce(processEngine, new PlatformException(PlatformException.Kind.RETRYABLE,
                "linkedin account 'default': POST /rest/posts answered HTTP 429; rate limited"));

        assertThat(job.getRetries()).isEqualTo(4); // R5/PT5M: five tries, one used
        assertThat(job.getDuedate()).isNotNull();
        assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();
    }
}
