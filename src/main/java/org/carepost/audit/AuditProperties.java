package org.carepost.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Audit trail settings ({@code carepost.audit.*}).
 *
 * @param forwardBatchSize rows handed to a forwarder at once
 * @param syslog           SIEM forwarding; off while {@code host} is empty
 */
@ConfigurationProperties("carepost.audit")
public record AuditProperties(Integer forwardBatchSize, Syslog syslog) {

    /**
     * @param host     SIEM host (RFC 5424 over TCP, RFC 6587 octet counting); empty = no forwarding
     * @param port     SIEM TCP port (default 6514 is TLS in RFC 5425; plain TCP collectors often listen on 514)
     * @param hostname HOSTNAME field of the messages (default: this machine's name)
     * @param timeout  connect and write timeout
     */
    public record Syslog(String host, Integer port, String hostname, Duration timeout) {
    }

    public AuditProperties {
        forwardBatchSize = forwardBatchSize == null || forwardBatchSize < 1 ? 500 : forwardBatchSize;
        syslog = syslog == null ? new Syslog("", 514, null, null) : syslog;
    }
}
