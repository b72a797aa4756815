package org.carepost.process.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.carepost.PostgresApplicationTest;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEvent;
import org.carepost.audit.AuditEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The start-up deployment of the models leaves an audit event naming the deployment in force and the SHA-256 of
 * each model and form in it, once: a restart without a change adds nothing.
 */
@PostgresApplicationTest
class ModelDeploymentAuditPostgresTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    AuditEvents events;

    @Autowired
    ModelDeploymentAudit deploymentAudit;

    @Test
    void theDeploymentInForceIsInTheTrailWithTheHashOfEveryModelAndForm() throws Exception {
        Deployment inForce = repository.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().listPage(0, 1).get(0);

        List<AuditEvent> recorded = events.ofProcessInstance(inForce.getId());
        assertThat(recorded).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getAction()).isEqualTo(AuditAction.MODELS_DEPLOYED.code());
            assertThat(event.getActor()).isEqualTo(ModelDeploymentAudit.ACTOR);
        });
        String trail = String.join("; ", recorded.stream().map(AuditEvent::getComment).toList());
        for (String resource : List.of("processes/content-approval.bpmn", "processes/review-routing.dmn",
                "processes/pause-publishing.bpmn", "forms/resolve-phi.form")) {
            assertThat(trail).contains(resource + " sha256 " + sha256(resource));
        }
        assertThat(repository.getDeploymentResourceNames(inForce.getId()))
                .allSatisfy(resource -> assertThat(trail).contains(resource + " sha256 "));

        deploymentAudit.recordDeploymentInForce(); // a restart without a change
        assertThat(events.ofProcessInstance(inForce.getId())).hasSameSizeAs(recorded);
    }

    private static String sha256(String resource) throws Exception {
        try (InputStream in = ModelDeploymentAuditPostgresTest.class.getClassLoader().getResourceAsStream(resource)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
