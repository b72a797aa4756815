package org.carepost.process.takedown;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.process.engine.ProcessVariables;
import org.carepost.publishing.TakedownService;
import org.springframework.stereotype.Component;

/** takedown.bpmn's "Mark content taken down": only after every delete was confirmed. */
@Component
public class TakedownCompleteDelegate implements JavaDelegate {
    private final TakedownService takedowns;

    public TakedownCompleteDelegate(TakedownService takedowns) {
        this.takedowns = takedowns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        takedowns.completed(ProcessVariables.contentId(execution));
    }
}
