package org.carepost.process.modelchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.spin.plugin.variable.SpinValues;
import org.carepost.modelchange.ChangeSummary;
import org.carepost.modelchange.CheckReport;
import org.carepost.modelchange.ModelChecks;
import org.carepost.modelchange.ModelResources;
import org.springframework.stereotype.Component;

/**
 * "Run automatic checks": the proposal over the models in force through {@link ModelChecks}, audited; the reviewer's
 * view (the change summary and the findings, models only, no PHI) written for the approval form.
 */
@Component
public class RunModelChecksDelegate implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelChecks checks;
    private final ChangeSummary summary;
    private final ModelProposals proposals;

    public RunModelChecksDelegate(ModelChecks checks, ChangeSummary summary, ModelProposals proposals) {
        this.checks = checks;
        this.summary = summary;
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String proposalId = ModelChangeSteps.proposal(execution);
        ProposalDeployments deployments = new ProposalDeployments(execution.getProcessEngineServices());
        ModelResources proposed = deployments.proposed(proposalId);
        ModelResources inForce = deployments.inForce();
        Set<String> groups = ProposalDeployments.asSystem(execution.getProcessEngineServices().getIdentityService(),
                () -> execution.getProcessEngineServices().getIdentityService().createGroupQuery().list().stream()
                        .map(Group::getId).collect(Collectors.toSet()));
        CheckReport report = checks.check(proposed, inForce, groups);
        proposals.checked(proposalId, report);
        List<String> findings = ModelProposals.findings(report);
        execution.setVariable(ModelChangeSteps.CHECKS_PASSED, report.passed());
        execution.setVariable(ModelChangeSteps.FAILED_FINDINGS, report.findings().stream().filter(f -> !f.passed())
                .map(ModelProposals::finding).collect(Collectors.joining("; ")));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("resources", String.join(", ", proposed.byName().keySet()));
        view.put("summary", report.passed() ? String.join("\n", summary.between(inForce, proposed)) : "");
        view.put("findings", String.join("\n", findings));
        try {
            execution.setVariable(ModelChangeSteps.VIEW, SpinValues.jsonValue(JSON.writeValueAsString(view)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
