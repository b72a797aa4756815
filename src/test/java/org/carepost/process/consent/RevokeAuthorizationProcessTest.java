package org.carepost.process.consent;

import org.carepost.process.ModelBeans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carepost.consent.Revocation;
import org.carepost.review.SegregationOfDutiesException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.carepost.process.ProcessTestEngine;

/** The privacy office's Tasklist start form for a patient's revocation. */
@Deployment(resources = "processes/revoke-authorization.bpmn")
class RevokeAuthorizationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.withCoverage();

    private final UUID consentId = UUID.randomUUID();
    private ConsentRevocationWorkflow revocations;

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        revocations = mock(ConsentRevocationWorkflow.class);
        ModelBeans.register(new RecordRevocationDelegate(revocations));
        ModelBeans.assertComplete(getClass()); // every delegate the models call has its bean
    }

    @AfterEach
    void tearDown() {
        extension.getProcessEngine().getIdentityService().clearAuthentication();
        Mocks.reset();
    }

    @Test
    void theRevocationIsRecordedAndItsDraftsAndPostsAreCounted() {
        UUID draft = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        when(revocations.revoke(consentId, Revocation.Channel.LETTER, LocalDate.of(2026, 11, 30), "signed letter", "pat"))
                .thenReturn(new ConsentRevocationWorkflow.Enforcement(consentId, "revoked", List.of(draft), List.of(post),
                        List.of("takedown-1")));
        ProcessInstance pi = startAs("pat", List.of("privacy"), "letter", "2026-11-30");
        assertThat(pi).isEnded().hasPassed("revocationRecorded");
        var history = extension.getProcessEngine().getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId());
        assertThat(history.variableName("stoppedDrafts").singleResult().getValue()).isEqualTo(1);
        assertThat(history.variableName("takenDownPosts").singleResult().getValue()).isEqualTo(1);
    }

    @Test
    void onlyThePrivacyOfficeRevokesAndBadInputRecordsNothing() {
        assertThatThrownBy(() -> startAs("alice", List.of("authors"), "letter", null))
                .isInstanceOf(SegregationOfDutiesException.class);
        assertThatThrownBy(() -> startAs("pat", List.of("privacy"), "carrier pigeon", null))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("requestedVia");
        assertThatThrownBy(() -> startAs("pat", List.of("privacy"), "email", "yesterday"))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("receivedOn");
        verify(revocations, never()).revoke(any(), any(), any(), any(), any());
        when(revocations.revoke(any(), any(), any(), any(), any())).thenThrow(new IllegalStateException(
                "authorization " + consentId + " is already revoked"));
        assertThatThrownBy(() -> startAs("pat", List.of("privacy"), "email", null))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("already revoked");
        assertThat(extension.getProcessEngine().getRuntimeService().createProcessInstanceQuery().count()).isZero();
    }

    private ProcessInstance startAs(String user, List<String> groups, String via, String receivedOn) {
        extension.getProcessEngine().getIdentityService().setAuthentication(user, groups);
        Map<String, Object> form = new HashMap<>(Map.of("consentId", consentId.toString(), "requestedVia", via,
                "note", "signed letter"));
        form.put("receivedOn", receivedOn);
        return extension.getProcessEngine().getRuntimeService().startProcessInstanceByKey("revoke-authorization", form);
    }
}
