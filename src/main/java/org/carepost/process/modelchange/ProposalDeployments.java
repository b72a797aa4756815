package org.carepost.process.modelchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.carepost.modelchange.ModelResources;
import org.carepost.process.engine.AsCarePost;
import org.carepost.process.engine.TrustedDeployment;

/**
 * The engine side of a model change: a proposal's resources, the models in force, the activation (the approved
 * resources deployed again without tenant, as CarePost's own deployment) and the removal of the proposal. Runs as
 * CarePost itself: the reviewer's right was checked by the task's listener, and no group holds the engine rights
 * (deleting deployments, reading a proposal's tenant) these steps need.
 */
final class ProposalDeployments {

    /** The engine tenant of proposals: "latest" references of the models in force (no tenant) never resolve to it. */
    static final String PROPOSAL_TENANT = "model-proposal";
    static final String ACTIVATION_NAME = "carepost-model-change";
    static final String ACTIVATION_SOURCE = "model-change";

    private final RepositoryService repository;
    private final ProcessEngineServices engine;

    ProposalDeployments(ProcessEngineServices engine) {
        this.engine = engine;
        this.repository = engine.getRepositoryService();
    }

    /** The proposal's resources by file name (Modeler sends file names; a folder is dropped). */
    ModelResources proposed(String deploymentId) {
        return asSystem(() -> {
            Map<String, byte[]> byName = new TreeMap<>();
            for (String name : repository.getDeploymentResourceNames(deploymentId)) {
                byName.put(fileName(name), bytes(deploymentId, name));
            }
            return new ModelResources(byName);
        });
    }

    /** The models and forms in force: of each file name, the resource of the newest deployment without tenant. */
    ModelResources inForce() {
        return asSystem(() -> {
            Map<String, byte[]> byName = new TreeMap<>();
            inForceNames().forEach((file, where) -> byName.put(file, bytes(where[0], where[1])));
            return new ModelResources(byName);
        });
    }

    /**
     * Deploys the proposal's resources without tenant (in force from now on, each under the name its model in force
     * has, so ProcessDeployer's duplicate filter and the auditors see one name per model), then deletes the
     * proposal. Running instances keep their version.
     *
     * @return the new deployment and its resources by name
     */
    Activation activate(String proposalId) {
        return asSystem(() -> {
            Map<String, String[]> inForce = inForceNames();
            Map<String, byte[]> resources = new LinkedHashMap<>();
            for (String name : repository.getDeploymentResourceNames(proposalId)) {
                String file = fileName(name);
                String target = inForce.containsKey(file) ? inForce.get(file)[1]
                        : (file.endsWith(".form") ? "forms/" : "processes/") + file;
                resources.put(target, bytes(proposalId, name));
            }
            var builder = repository.createDeployment().name(ACTIVATION_NAME).source(ACTIVATION_SOURCE);
            resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
            // The new definitions from the result: in this command they are not in the database yet.
            DeploymentWithDefinitions deployment = TrustedDeployment.run(builder::deployWithResult);
            repository.deleteDeployment(proposalId, true, true);
            long onOlderVersions = 0;
            for (ProcessDefinition definition : deployment.getDeployedProcessDefinitions() == null ? List.<ProcessDefinition>of()
                    : deployment.getDeployedProcessDefinitions()) {
                onOlderVersions += engine.getRuntimeService().createProcessInstanceQuery()
                        .processDefinitionKey(definition.getKey()).withoutTenantId().count();
            }
            return new Activation(deployment.getId(), resources, onOlderVersions);
        });
    }

    record Activation(String deploymentId, Map<String, byte[]> resources, long runningOnOlderVersions) {
    }

    /** Deletes a refused or rejected proposal (it never ran: nothing to cascade but its definitions). */
    void delete(String proposalId) {
        asSystem(() -> {
            if (repository.createDeploymentQuery().deploymentId(proposalId).count() > 0) {
                repository.deleteDeployment(proposalId, true, true);
            }
            return null;
        });
    }

    /**
     * The proposal's process definitions suspended, with their jobs (a timer start event's): nothing of a proposal
     * starts, by a user, a timer or a message.
     */
    void suspend(String proposalId) {
        asSystem(() -> {
            for (ProcessDefinition definition : repository.createProcessDefinitionQuery().deploymentId(proposalId).list()) {
                repository.updateProcessDefinitionSuspensionState().byProcessDefinitionId(definition.getId())
                        .includeProcessInstances(true).suspend();
                engine.getManagementService().updateJobSuspensionState()
                        .byProcessDefinitionId(definition.getId()).suspend();
            }
            return null;
        });
    }

    /** file name -> {deployment id, resource name} of the newest deployment without tenant that has it. */
    private Map<String, String[]> inForceNames() {
        Map<String, String[]> names = new TreeMap<>();
        List<Deployment> deployments = repository.createDeploymentQuery().withoutTenantId().orderByDeploymentTime()
                .desc().list();
        for (Deployment deployment : deployments) {
            for (String name : repository.getDeploymentResourceNames(deployment.getId())) {
                names.putIfAbsent(fileName(name), new String[] {deployment.getId(), name});
            }
        }
        return names;
    }

    private byte[] bytes(String deploymentId, String name) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fileName(String resourceName) {
        return resourceName.substring(resourceName.lastIndexOf('/') + 1);
    }

    private <T> T asSystem(Supplier<T> work) {
        return asSystem(engine.getIdentityService(), work);
    }

    /** Without the caller's authentication: no authorization and no tenant check for CarePost's own steps. */
    static <T> T asSystem(IdentityService identity, Supplier<T> work) {
        return AsCarePost.run(identity, work);
    }
}
