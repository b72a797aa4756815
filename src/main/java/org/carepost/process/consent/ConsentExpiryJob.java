package org.carepost.process.consent;

import java.util.UUID;
import org.carepost.consent.ConsentService;
import org.carepost.consent.ConsentStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
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
                if (endedMeanwhile(e)) {
                    // Every node of a cluster runs this check; the first to end an authorization wins (the revocation
                    // row's primary key is the authorization id), the others find it ended: nothing went wrong.
                    log.info("Authorization {} was ended meanwhile, by another node", consentId);
                    continue;
                }
                log.error("Could not end expired authorization {}; retried at the next run", consentId, e);
            }
        }
        return ended;
    }

    static boolean endedMeanwhile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConsentStateException || t instanceof DataIntegrityViolationException) {
                return true;
            }
        }
        return false;
    }
}
