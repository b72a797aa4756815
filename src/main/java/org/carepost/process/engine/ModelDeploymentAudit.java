package org.carepost.process.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditEvents;
import org.carepost.audit.AuditTrail;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The start-up route for models (the jar's, or the compliance lead's {@code carepost.processes-dir}) leaves a trace:
 * when the deployment in force is one the audit trail has not seen, an event names it with the SHA-256 of every
 * model and form in it, so an auditor can tell which exact models decided who reviewed what, and since when.
 * Keyed by the deployment id (in the event's process-instance field), so a restart without a change adds nothing.
 */
@Component
public class ModelDeploymentAudit {

    static final String ACTOR = "system (start-up deployment)";

    private final RepositoryService repository;
    private final AuditTrail audit;
    private final AuditEvents events;

    public ModelDeploymentAudit(RepositoryService repository, AuditTrail audit, AuditEvents events) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void recordDeploymentInForce() {
        List<Deployment> latest = repository.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME)
                .withoutTenantId().orderByDeploymentTime().desc().listPage(0, 1);
        if (latest.isEmpty() || !events.ofProcessInstance(latest.get(0).getId()).isEmpty()) {
            return;
        }
        Deployment deployment = latest.get(0);
        List<String> lines = repository.getDeploymentResourceNames(deployment.getId()).stream().sorted()
                .map(name -> name + " sha256 " + sha256(deployment.getId(), name)).toList();
        String head = "deployment " + deployment.getId() + " at " + deployment.getDeploymentTime().toInstant() + ": ";
        List<String> comments = AuditComments.split(head, lines);
        for (String text : comments) {
            audit.record(AuditEntry.of(ACTOR, AuditAction.MODELS_DEPLOYED, null, null).withDecision("deployed", text)
                    .inProcess(deployment.getId(), null));
        }
    }

    private String sha256(String deploymentId, String resource) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
            return AuditComments.sha256(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
