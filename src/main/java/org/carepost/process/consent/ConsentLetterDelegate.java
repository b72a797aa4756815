package org.carepost.process.consent;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.consent.ConsentLetters;
import org.carepost.process.engine.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * consent-capture.bpmn's "Render authorization request letter": the letter goes to our table (consent_letter), not
 * into a process variable. The reminder is {@link ConsentReminderDelegate}.
 */
@Component
public class ConsentLetterDelegate implements JavaDelegate {

    private final ConsentLetters letters;

    public ConsentLetterDelegate(ConsentLetters letters) {
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        letters.render(ProcessVariables.contentId(execution), ConsentLetters.REQUEST, execution.getProcessInstanceId());
    }
}
