package org.carepost.process.consent;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.consent.ConsentLetters;
import org.carepost.process.engine.ProcessVariables;
import org.springframework.stereotype.Component;

/** consent-capture.bpmn's "Send reminder": the reminder letter goes to our table (consent_letter). */
@Component
public class ConsentReminderDelegate implements JavaDelegate {

    private final ConsentLetters letters;

    public ConsentReminderDelegate(ConsentLetters letters) {
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        letters.render(ProcessVariables.contentId(execution), ConsentLetters.REMINDER, execution.getProcessInstanceId());
    }
}
