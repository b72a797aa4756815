package org.carepost.process;

import java.util.UUID;
import org.carepost.consent.ConsentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expiry: authorizations past their expiration date are ended like a revocation (in-flight content stops, published
 * content comes down). Each authorization in its own transaction, so one failure does not hold back the others; a
 * failed one is simply found again at the next run.
 */
@Component
public class ConsentExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ConsentExpiryJob.class);

    private final ConsentService consents;
    private final ConsentRevocationWorkflow workflow;

    public ConsentExpiryJob(ConsentService consents, ConsentRevocationWorkflow workflow) {
        this.consents = consents;
        this.workflow = workflow;
    }

    @Scheduled(initialDelayString = "${carepost.consent.expiry-check-initial-delay-ms:60000}",
            fixedDelayString = "${carepost.consent.expiry-check-interval-ms:3600000}")
    public int expireDue() {
        int ended = 0;
        for (UUID consentId : consents.dueForExpiry()) {
            try {
                workflow.expire(consentId);
                ended++;
            } catch (RuntimeException e) {
                log.error("Could not end expired authorization {}; retried at the next run", consentId, e);
            }
        }
        return ended;
    }
}
