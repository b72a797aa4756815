package org.carepost.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SIEM forwarding: RFC 5424 messages, octet-counted over TCP, from the outbox to a listener on loopback. */
class SyslogForwardingTest {

    private static final Pattern SEQ = Pattern.compile(" seq=\"(\\d+)\"");

    /** A minimal syslog-over-TCP collector: reads {@code MSG-LEN SP MSG} frames. */
    static final class Listener implements AutoCloseable {
        final ServerSocket server;
        final List<String> messages = new CopyOnWriteArrayList<>();

        Listener(int port) throws IOException {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                        readFrames(in);
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        private void readFrames(InputStream in) throws IOException {
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return;
                }
                int length = 0;
                while (c != ' ') {
                    assertThat((char) c).isBetween('0', '9');
                    length = length * 10 + (c - '0');
                    c = in.read();
                }
                byte[] message = in.readNBytes(length);
                assertThat(message).hasSize(length);
                messages.add(new String(message, StandardCharsets.UTF_8));
            }
        }

        int port() {
            return server.getLocalPort();
        }

        List<Long> seqs() {
            return messages.stream().map(m -> {
                Matcher matcher = SEQ.matcher(m);
                assertThat(matcher.find()).as(m).isTrue();
                return Long.parseLong(matcher.group(1));
            }).toList();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }

        /**
         * Closed, and checked from outside. A JDK ServerSocket whose accept thread is between two accepts may take one
         * more connection after close() returns (100 in 2,000 tries here); the suite met that twice in CI, and then
         * "the SIEM is down" was not down. Waits until a connection is refused.
         */
        void closeUntilRefused() throws Exception {
            int port = port();
            close();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                    return false;
                } catch (IOException refused) {
                    return true;
                }
            });
        }
    }

    private Listener listener;

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void formatsRfc5424WithStructuredDataAndWithoutTheCommentText() {
        SyslogAuditAdapter adapter = new SyslogAuditAdapter("127.0.0.1", 1, "node-1", Duration.ofSeconds(1));
        AuditRecord r = new AuditRecord(42, java.time.Instant.parse("2026-03-01T08:09:10.123456Z"), "pat", "review",
                java.util.UUID.fromString("00000000-0000-0000-0000-00000000000a"), "ab", null, "changes",
                "Remove Mrs. Doe's name", "pi-1", "task-1", "0".repeat(64), "1".repeat(64));
        String message = adapter.format(r);
        assertThat(message).startsWith("<109>1 2026-03-01T08:09:10.123456Z node-1 carepost - review [carepost@32473 seq=\"42\" hash=\"" + "1".repeat(64) + "\"")
                .contains(" actor=\"pat\"", " contentId=\"00000000-0000-0000-0000-00000000000a\"", " decision=\"changes\"",
                        " taskId=\"task-1\"", " commentSha256=\"" + AuditCanonical.sha256("Remove Mrs. Doe's name") + "\"")
                .doesNotContain("Doe", "consentId")
                .endsWith("]");
        AuditRecord tricky = new AuditRecord(1, r.occurredAt(), "a\"b]c\\d", "submit", null, null, null, null, null,
                null, null, "0".repeat(64), "2".repeat(64));
        assertThat(adapter.format(tricky)).contains(" actor=\"a\\\"b\\]c\\\\d\"");
    }

    @Test
    void forwardsEveryEventAfterCommitAndLosesNothingWhileTheListenerIsDown() throws Exception {
        H2AuditDatabase db = new H2AuditDatabase();
        listener = new Listener(0);
        int port = listener.port();
        SyslogAuditAdapter siem = new SyslogAuditAdapter("127.0.0.1", port, "node-1", Duration.ofSeconds(2));
        AuditForwarder forwarder = new AuditForwarder(db.jdbc, db.transactions, List.of(db.store, siem),
                new AuditProperties(2, null));

        for (int i = 1; i <= 5; i++) {
            db.record(i);
        }
        assertThat(forwarder.forward(siem)).isEqualTo(5);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listener.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L));
        assertThat(forwarder.cursor("siem")).isEqualTo(5);

        // The SIEM goes away; decisions go on being recorded, forwarding fails and the cursor stays put.
        listener.closeUntilRefused();
        for (int i = 6; i <= 8; i++) {
            db.record(i);
        }
        assertThatThrownBy(() -> forwarder.forward(siem)).isInstanceOf(AuditForwarder.ForwardingFailed.class);
        forwarder.forwardAll(); // the scheduled entry point logs and carries on
        assertThat(forwarder.cursor("siem")).isEqualTo(5);
        assertThat(new AuditVerifier(db.jdbc).verify().line()).isEqualTo("OK n=8");

        // Back up on the same port: the retry delivers exactly what was missed, in order.
        listener = new Listener(port);
        db.record(9);
        forwarder.forwardAll();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listener.seqs()).containsExactly(6L, 7L, 8L, 9L));
        assertThat(forwarder.cursor("siem")).isEqualTo(9);
        assertThat(forwarder.forward(siem)).isZero();
    }
}
