package org.carepost.process.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.phi.PhiScanService;
import org.springframework.stereotype.Component;
import org.carepost.process.engine.ProcessVariables;

/**
 * "Scan for PHI": scans the current version; the process carries only the count of open findings, and the forms'
 * view of this version (the text, the findings to decide on) is written for the tasks that follow.
 */
@Component
public class PhiScanDelegate implements JavaDelegate {

    /** Number of open PHI findings of the current version (the findings themselves live in our table). */
    public static final String OPEN_PHI_FINDINGS = "openPhiFindings";

    private final PhiScanService scans;
    private final DraftViewVariable draftView;

    public PhiScanDelegate(PhiScanService scans, DraftViewVariable draftView) {
        this.scans = scans;
        this.draftView = draftView;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Read only by "PHI found?" right after; the findings themselves are in our tables.
        ProcessVariables.setTransient(execution.getProcessInstance(), OPEN_PHI_FINDINGS,
                Variables.integerValue(scans.scan(ProcessVariables.contentId(execution)), true));
        draftView.write(execution.getProcessInstance(), ProcessVariables.contentId(execution));
    }
}
