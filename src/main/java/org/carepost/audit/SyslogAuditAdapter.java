package org.carepost.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Forwards audit events to a SIEM as RFC 5424 syslog messages over TCP with octet-counting framing (RFC 6587
 * section 3.4.1: {@code MSG-LEN SP SYSLOG-MSG}). One connection per batch: a collector that is down makes the batch
 * fail, and {@link AuditForwarder} sends it again later.
 *
 * <p>Message: {@code <109>1 TIMESTAMP HOSTNAME carepost - ACTION [carepost@32473 seq=".." hash=".." prevHash=".."
 * actor=".." contentId=".." versionHash=".." consentId=".." decision=".." processInstanceId=".." taskId=".."
 * commentSha256=".."]} - facility 13 (log audit), severity 5 (notice); absent fields are left out. The free-text
 * comment is not sent (it may name a patient); its SHA-256 is. 32473 is the documentation enterprise number of
 * RFC 5612; replace it with the hospital's IANA PEN if the SIEM needs one.
 */
public class SyslogAuditAdapter implements AuditAdapter {

    static final int PRI = 13 * 8 + 5;
    static final String SD_ID = "carepost@32473";

    private final String host;
    private final int port;
    private final String hostname;
    private final int timeoutMillis;

    public SyslogAuditAdapter(String host, int port, String hostname, Duration timeout) {
        this.host = host;
        this.port = port;
        this.hostname = printable(hostname == null || hostname.isBlank() ? localHostname() : hostname, 255);
        this.timeoutMillis = (int) (timeout == null ? Duration.ofSeconds(5) : timeout).toMillis();
    }

    @Override
    public String name() {
        return "siem";
    }

    @Override
    public void append(List<AuditRecord> events) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            for (AuditRecord event : events) {
                byte[] message = format(event).getBytes(StandardCharsets.UTF_8);
                out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(message);
            }
            out.flush();
            socket.shutdownOutput();
        }
    }

    /** The RFC 5424 message (without framing). */
    public String format(AuditRecord r) {
        StringBuilder sd = new StringBuilder("[").append(SD_ID);
        param(sd, "seq", Long.toString(r.seq()));
        param(sd, "hash", r.hash());
        param(sd, "prevHash", r.prevHash());
        param(sd, "actor", r.actor());
        param(sd, "contentId", r.contentId() == null ? null : r.contentId().toString());
        param(sd, "versionHash", r.versionHash());
        param(sd, "consentId", r.consentId());
        param(sd, "decision", r.decision());
        param(sd, "processInstanceId", r.processInstanceId());
        param(sd, "taskId", r.taskId());
        param(sd, "commentSha256", r.comment() == null ? null : AuditCanonical.sha256(r.comment()));
        sd.append(']');
        return "<" + PRI + ">1 " + AuditCanonical.instant(r.occurredAt()) + " " + hostname + " carepost - "
                + printable(r.action(), 32) + " " + sd;
    }

    private static void param(StringBuilder sd, String name, String value) {
        if (value == null) {
            return;
        }
        sd.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                sd.append('\\');
            }
            sd.append(c);
        }
        sd.append('"');
    }

    /** PRINTUSASCII (33..126), at most {@code max} characters, "-" when empty. */
    static String printable(String value, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(c >= 33 && c <= 126 ? c : '_');
        }
        return out.isEmpty() ? "-" : out.toString();
    }

    private static String localHostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "-";
        }
    }
}
