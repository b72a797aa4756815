package org.carepost.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends audit events: the entry point every feature calls. Must join the caller's transaction: a decision and its
 * audit event commit together. The event is sealed into the hash chain ({@link AuditChain}) and written by the
 * store ({@link DatabaseAuditAdapter}); forwarders (SIEM) get it after commit from {@link AuditForwarder}.
 */
@Service
public class AuditTrail {

    private final AuditChain chain;
    private final DatabaseAuditAdapter store;
    private final Clock clock;

    public AuditTrail(AuditChain chain, DatabaseAuditAdapter store, Clock clock) {
        this.chain = chain;
        this.store = store;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditRecord record(AuditEntry entry) {
        AuditRecord sealed = chain.seal(clock.instant(), entry);
        store.append(List.of(sealed));
        return sealed;
    }
}
