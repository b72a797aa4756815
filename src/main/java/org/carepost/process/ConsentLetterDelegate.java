package org.carepost.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.consent.ConsentLetters;
import org.springframework.stereotype.Component;

/**
 * "Render authorization request letter" and "Send reminder": the letter goes to our table (consent_letter), not
 * into a process variable. Which letter: {@code ${consentLetter}} for the request, {@code ${consentReminder}} for a
 * reminder.
 */
public class ConsentLetterDelegate implements JavaDelegate {

    private final ConsentLetters letters;
    private final String kind;

    public ConsentLetterDelegate(ConsentLetters letters, String kind) {
        this.letters = letters;
        this.kind = kind;
    }

    @Override
    public void execute(DelegateExecution execution) {
        letters.render(ProcessVariables.contentId(execution), kind, execution.getProcessInstanceId());
    }

    @Component("consentLetter")
    public static class Request extends ConsentLetterDelegate {
        public Request(ConsentLetters letters) {
            super(letters, ConsentLetters.REQUEST);
        }
    }

    @Component("consentReminder")
    public static class Reminder extends ConsentLetterDelegate {
        public Reminder(ConsentLetters letters) {
            super(letters, ConsentLetters.REMINDER);
        }
    }
}
