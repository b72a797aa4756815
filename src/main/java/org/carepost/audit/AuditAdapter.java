package org.carepost.audit;

import java.io.IOException;
import java.util.List;

/**
 * Where sealed audit events go. The store ({@link DatabaseAuditAdapter}, our database) receives each event inside
 * the deciding transaction. Every other adapter bean (e.g. {@link SyslogAuditAdapter} to a SIEM) is a forwarder: it
 * receives the stored rows after commit, in chain order, from {@link AuditForwarder}'s outbox cursor, and a
 * failure ({@link IOException}) only means "try again later" - it never blocks or loses a decision.
 */
public interface AuditAdapter {

    /** Stable name; a forwarder's outbox cursor is kept under it. */
    String name();

    /** Takes events in ascending {@code seq}. Forwarders may receive an event again after a failure. */
    void append(List<AuditRecord> events) throws IOException;
}
