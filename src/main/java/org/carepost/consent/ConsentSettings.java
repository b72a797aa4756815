package org.carepost.consent;

import java.time.Duration;
import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Consent settings, also read by consent-capture.bpmn as {@code ${consentSettings.captureTimeout}} and
 * {@code ${consentSettings.reminderCycle}}.
 */
@Component("consentSettings")
public class ConsentSettings {

    private final String captureTimeout;
    private final String reminderCycle;
    private final long maxDocumentBytes;

    public ConsentSettings(@Value("${carepost.consent.capture-timeout:P30D}") String captureTimeout,
                           @Value("${carepost.consent.reminder-cycle:R/P7D}") String reminderCycle,
                           @Value("${carepost.consent.max-document-bytes:10485760}") long maxDocumentBytes) {
        // Fail at start-up, not in a running process, if the durations are malformed.
        if (captureTimeout.contains("T")) {
            Duration.parse(captureTimeout);
        } else {
            Period.parse(captureTimeout);
        }
        if (!reminderCycle.startsWith("R")) {
            throw new IllegalArgumentException("carepost.consent.reminder-cycle must be an ISO-8601 cycle like R/P7D");
        }
        this.captureTimeout = captureTimeout;
        this.reminderCycle = reminderCycle;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /** ISO-8601 duration after which a draft without a valid authorization is withdrawn (default P30D). */
    public String getCaptureTimeout() {
        return captureTimeout;
    }

    /** ISO-8601 cycle of reminders while the signed authorization is awaited (default R/P7D). */
    public String getReminderCycle() {
        return reminderCycle;
    }

    public long getMaxDocumentBytes() {
        return maxDocumentBytes;
    }
}
