package org.carepost.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The chain on H2 (the embedded default): canonical form, sealing, concurrent appends, what the verifier finds. */
class AuditChainTest {

    @Test
    void canonicalJsonHasFixedOrderUtcMicrosExplicitNullsAndMinimalEscaping() {
        AuditRecord r = new AuditRecord(7, Instant.parse("2026-03-01T08:09:10.5Z"), "pat", "review",
                UUID.fromString("00000000-0000-0000-0000-00000000000a"), "ab", null, "approve",
                "line1\n\"quoted\" \\ é 💙", "pi-1", null, AuditCanonical.GENESIS, null);
        assertThat(AuditCanonical.json(r)).isEqualTo("{\"seq\":7,\"occurredAt\":\"2026-03-01T08:09:10.500000Z\","
                + "\"actor\":\"pat\",\"action\":\"review\",\"contentId\":\"00000000-0000-0000-0000-00000000000a\","
                + "\"versionHash\":\"ab\",\"consentId\":null,\"decision\":\"approve\","
                + "\"comment\":\"line1\\u000a\\\"quoted\\\" \\\\ é 💙\",\"processInstanceId\":\"pi-1\",\"taskId\":null,"
                + "\"prevHash\":\"" + "0".repeat(64) + "\"}");
        // SHA-256 of the UTF-8 bytes; the stored hash field itself is not part of the hashed text.
        assertThat(AuditCanonical.hash(r)).isEqualTo(AuditCanonical.sha256(AuditCanonical.json(r)))
                .isEqualTo(AuditCanonical.hash(r.withHash("anything"))).hasSize(64);
    }

    @Test
    void appendedEventsFormOneVerifiableChain() {
        H2AuditDatabase db = new H2AuditDatabase();
        AuditRecord first = db.record(1);
        AuditRecord second = db.record(2);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditCanonical.GENESIS);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(new AuditVerifier(db.jdbc).verify().line()).isEqualTo("OK n=2");
    }

    @Test
    void aTransactionWithSeveralEventsLocksTheHeadOnceAndWritesItBeforeItCommits() {
        H2AuditDatabase db = new H2AuditDatabase();
        db.record(1);
        long[] headInside = new long[1];
        List<AuditRecord> sealed = db.tx.execute(s -> {
            List<AuditRecord> three = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                AuditRecord r = db.chain.seal(Instant.now(), AuditEntry.of("x", AuditAction.REVIEW, null, null));
                db.store.append(List.of(r));
                three.add(r);
            }
            headInside[0] = db.jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
            return three;
        });
        assertThat(sealed).extracting(AuditRecord::seq).containsExactly(2L, 3L, 4L);
        assertThat(sealed.get(1).prevHash()).isEqualTo(sealed.get(0).hash());
        assertThat(headInside[0]).as("the head row is written once, at the commit").isEqualTo(1);
        assertThat(db.chain.head().lastSeq()).isEqualTo(4);
        assertThat(db.record(5).seq()).isEqualTo(5);
        assertThat(new AuditVerifier(db.jdbc).verify().line()).isEqualTo("OK n=5");
    }

    @Test
    void anEventAppendedWhileTheTransactionCommitsStillMovesTheHead() {
        H2AuditDatabase db = new H2AuditDatabase();
        db.tx.executeWithoutResult(s -> {
            db.store.append(List.of(db.chain.seal(Instant.now(), AuditEntry.of("x", AuditAction.SUBMIT, null, null))));
            // registered after the chain's own: runs after the head was written
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void beforeCommit(boolean readOnly) {
                            db.store.append(List.of(db.chain.seal(Instant.now(),
                                    AuditEntry.of("y", AuditAction.ROUTE, null, null))));
                        }
                    });
        });
        assertThat(db.chain.head().lastSeq()).isEqualTo(2);
        assertThat(db.record(3).seq()).isEqualTo(3);
        assertThat(new AuditVerifier(db.jdbc).verify().line()).isEqualTo("OK n=3");
    }

    @Test
    void severalEventsRolledBackTogetherLeaveNoGapAndTheHeadUnmoved() {
        H2AuditDatabase db = new H2AuditDatabase();
        db.record(1);
        db.tx.executeWithoutResult(s -> {
            for (int i = 0; i < 3; i++) {
                db.store.append(List.of(db.chain.seal(Instant.now(), AuditEntry.of("x", AuditAction.SUBMIT, null, null))));
            }
            s.setRollbackOnly();
        });
        assertThat(db.chain.head().lastSeq()).isEqualTo(1);
        assertThat(db.record(2).seq()).isEqualTo(2);
        assertThat(new AuditVerifier(db.jdbc).verify().line()).isEqualTo("OK n=2");
    }

    @Test
    void aRolledBackDecisionLeavesNoGap() {
        H2AuditDatabase db = new H2AuditDatabase();
        db.record(1);
        db.tx.executeWithoutResult(s -> {
            db.store.append(List.of(db.chain.seal(Instant.now(), AuditEntry.of("x", AuditAction.SUBMIT, null, null))));
            s.setRollbackOnly();
        });
        assertThat(db.record(3).seq()).isEqualTo(2);
        assertThat(new AuditVerifier(db.jdbc).verify().line()).isEqualTo("OK n=2");
    }

    @Test
    void concurrentTransactionsNeverForkTheChain() throws Exception {
        H2AuditDatabase db = new H2AuditDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<AuditRecord>> futures = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            futures.add(pool.submit(() -> db.record(n)));
        }
        for (Future<AuditRecord> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(new AuditVerifier(db.jdbc).verify().line()).isEqualTo("OK n=60");
    }

    @Test
    void verifierNamesTheFirstBrokenLinkAndWhatDiffers() {
        H2AuditDatabase db = new H2AuditDatabase();
        for (int i = 1; i <= 5; i++) {
            db.record(i);
        }
        // H2 has no trigger: exactly the kind of change the chain must reveal.
        db.jdbc.update("update audit_event set comment = 'changed' where seq = 3");
        AuditVerifier.Result changed = new AuditVerifier(db.jdbc).verify();
        assertThat(changed.ok()).isFalse();
        assertThat(changed.brokenSeq()).isEqualTo(3);
        assertThat(changed.count()).isEqualTo(2);
        assertThat(changed.line()).startsWith("BROKEN seq=3: hash mismatch");

        H2AuditDatabase db2 = new H2AuditDatabase();
        for (int i = 1; i <= 5; i++) {
            db2.record(i);
        }
        db2.jdbc.update("delete from audit_event where seq = 4");
        assertThat(new AuditVerifier(db2.jdbc).verify().line()).startsWith("BROKEN seq=4: gap");

        H2AuditDatabase db3 = new H2AuditDatabase();
        for (int i = 1; i <= 3; i++) {
            db3.record(i);
        }
        // A row rewritten with a consistent own hash still fails to link to its predecessor.
        AuditRecord two = db3.jdbc.queryForObject("select " + AuditRecord.COLUMNS + " from audit_event where seq = 2", AuditRecord::map);
        AuditRecord forged = new AuditRecord(2, two.occurredAt(), "mallory", two.action(), two.contentId(),
                two.versionHash(), null, "reject", null, null, null, "f".repeat(64), null);
        db3.jdbc.update("delete from audit_event where seq = 2");
        db3.store.append(List.of(forged.withHash(AuditCanonical.hash(forged))));
        assertThat(new AuditVerifier(db3.jdbc).verify().line()).startsWith("BROKEN seq=2: prev-hash mismatch");

        H2AuditDatabase db4 = new H2AuditDatabase();
        for (int i = 1; i <= 3; i++) {
            db4.record(i);
        }
        db4.jdbc.update("delete from audit_event where seq = 3");
        assertThat(new AuditVerifier(db4.jdbc).verify().line()).isEqualTo("BROKEN seq=3: gap: chain head is at seq 3 but the rows end at seq 2");
    }

    @Test
    void parallelRangesReportTheSameFirstBrokenLinkAsOneWalk() {
        H2AuditDatabase db = new H2AuditDatabase();
        for (int i = 1; i <= 12; i++) {
            db.record(i);
        }
        AuditVerifier ranges = new AuditVerifier(db.jdbc, 4, 1); // ranges 1-3, 4-6, 7-9, 10-12
        assertThat(ranges.verify().line()).isEqualTo("OK n=12");

        // Two changes: the first one (in the second range) is reported.
        db.jdbc.update("update audit_event set decision = 'reject' where seq in (5, 11)");
        AuditVerifier.Result broken = ranges.verify();
        assertThat(broken.line()).startsWith("BROKEN seq=5: hash mismatch");
        assertThat(broken.count()).isEqualTo(4);

        // A forged first row of a range (own hash consistent) breaks the link between ranges.
        H2AuditDatabase db2 = new H2AuditDatabase();
        for (int i = 1; i <= 12; i++) {
            db2.record(i);
        }
        AuditRecord seven = db2.jdbc.queryForObject("select " + AuditRecord.COLUMNS + " from audit_event where seq = 7", AuditRecord::map);
        AuditRecord forged = new AuditRecord(7, seven.occurredAt(), "mallory", seven.action(), seven.contentId(),
                seven.versionHash(), null, "approve", null, null, null, "e".repeat(64), null);
        db2.jdbc.update("delete from audit_event where seq = 7");
        db2.store.append(List.of(forged.withHash(AuditCanonical.hash(forged))));
        assertThat(new AuditVerifier(db2.jdbc, 4, 1).verify().line()).startsWith("BROKEN seq=7: prev-hash mismatch");
        assertThat(new AuditVerifier(db2.jdbc, 1, 1).verify().line()).startsWith("BROKEN seq=7: prev-hash mismatch");

        // A missing first row of a range is a gap; so is a missing last row of a middle range.
        H2AuditDatabase db3 = new H2AuditDatabase();
        for (int i = 1; i <= 12; i++) {
            db3.record(i);
        }
        db3.jdbc.update("delete from audit_event where seq in (6, 10)");
        assertThat(new AuditVerifier(db3.jdbc, 4, 1).verify().line()).isEqualTo("BROKEN seq=6: gap: seq 6 is missing");
        db3.jdbc.update("delete from audit_event where seq = 4");
        assertThat(new AuditVerifier(db3.jdbc, 4, 1).verify().line()).isEqualTo("BROKEN seq=4: gap: expected seq 4, next row has seq 5");
    }

    @Test
    void rowsWrittenBeforeTheChainAreSealedIntoIt() {
        H2AuditDatabase db = new H2AuditDatabase();
        db.jdbc.update("insert into audit_event (occurred_at, actor, action, content_id) values (?, 'alice', 'submit', ?)",
                java.time.OffsetDateTime.parse("2026-01-01T10:00:00.123456Z"), UUID.randomUUID());
        assertThat(new AuditVerifier(db.jdbc).verify().line()).contains("outside the chain");
        Integer sealed = db.tx.execute(s -> db.chain.sealUnchained());
        assertThat(sealed).isEqualTo(1);
        db.record(2);
        assertThat(new AuditVerifier(db.jdbc).verify().line()).isEqualTo("OK n=2");
    }
}
