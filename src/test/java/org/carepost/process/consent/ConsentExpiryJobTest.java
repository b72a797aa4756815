package org.carepost.process.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.UUID;
import org.carepost.consent.ConsentService;
import org.carepost.consent.ConsentStateException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

class ConsentExpiryJobTest {

    @Test
    void everyDueAuthorizationIsEndedAndOneFailureDoesNotHoldBackTheOthers() {
        UUID failing = UUID.randomUUID();
        UUID fine = UUID.randomUUID();
        ConsentService consents = mock(ConsentService.class);
        ConsentRevocationWorkflow workflow = mock(ConsentRevocationWorkflow.class);
        when(consents.dueForExpiry()).thenReturn(List.of(failing, fine));
        when(workflow.expire(failing)).thenThrow(new IllegalStateException("optimistic lock"));

        int ended = new ConsentExpiryJob(consents, workflow).expireDue();

        assertThat(ended).isEqualTo(1);
        verify(workflow).expire(fine);
    }

    /** Two nodes run the check at once: the loser's insert of the revocation hits the primary key. Not an error. */
    @Test
    void anAuthorizationAnotherNodeEndedMeanwhileIsNoError() {
        UUID raced = UUID.randomUUID();
        UUID alreadyEnded = UUID.randomUUID();
        UUID broken = UUID.randomUUID();
        ConsentService consents = mock(ConsentService.class);
        ConsentRevocationWorkflow workflow = mock(ConsentRevocationWorkflow.class);
        when(consents.dueForExpiry()).thenReturn(List.of(raced, alreadyEnded, broken));
        when(workflow.expire(raced)).thenThrow(new DataIntegrityViolationException("duplicate key",
                new RuntimeException("pk_revocation")));
        when(workflow.expire(alreadyEnded)).thenThrow(new ConsentStateException("Authorization has already ended."));
        when(workflow.expire(broken)).thenThrow(new IllegalStateException("database down"));
        Logger logger = (Logger) LoggerFactory.getLogger(ConsentExpiryJob.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            assertThat(new ConsentExpiryJob(consents, workflow).expireDue()).isZero();
        } finally {
            logger.detachAppender(events);
        }

        assertThat(events.list).filteredOn(e -> e.getLevel() == Level.ERROR).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Could not end expired authorization " + broken + "; retried at the next run");
        assertThat(events.list).filteredOn(e -> e.getLevel() == Level.INFO).hasSize(2);
    }
}
