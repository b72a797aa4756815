package org.carepost.audit;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends audit events. Must join the caller's transaction: a decision and its audit event commit together. */
@Service
public class AuditTrail {

    private final AuditEventRepository events;
    private final Clock clock;

    public AuditTrail(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent record(AuditEntry entry) {
        return events.save(new AuditEvent(clock.instant(), entry));
    }
}
