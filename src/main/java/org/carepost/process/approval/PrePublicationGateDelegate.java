package org.carepost.process.approval;

import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.publishing.PrePublicationGate;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/** "Pre-publication gate": a refusal ends the draft as not published (BPMN error GATE_REFUSED). */
@Component
public class PrePublicationGateDelegate implements JavaDelegate {

    public static final String GATE_REFUSED = "GATE_REFUSED";

    private final PrePublicationGate gate;

    public PrePublicationGateDelegate(PrePublicationGate gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> refusals = gate.pass(ProcessVariables.contentId(execution), execution.getProcessInstanceId());
        if (!refusals.isEmpty()) {
            execution.setVariable("gateRefusals", refusals.size());
            throw new BpmnError(GATE_REFUSED, "The pre-publication gate refused: " + String.join("; ", refusals));
        }
    }
}
