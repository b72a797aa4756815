package org.carepost.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentService;
import org.junit.jupiter.api.Test;

class TakedownServiceTest {

    private final UUID contentId = UUID.randomUUID();
    private final UUID consentId = UUID.randomUUID();
    private final PublicationRepository publications = mock(PublicationRepository.class);
    private final TakedownRepository takedowns = mock(TakedownRepository.class);
    private final PlatformAdapter adapter = mock(PlatformAdapter.class);
    private final ContentService contents = mock(ContentService.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private final TakedownService service = new TakedownService(publications, takedowns,
            new PlatformAdapters(List.of(), adapter), contents, audit, Clock.systemUTC());

    private final Publication publication = new Publication(contentId, 1, "hash", "facebook", "default", "k",
            Instant.now());

    private Takedown pending() {
        publication.published(new PublishResult("77", "https://x"), "hash", Instant.now());
        when(publications.findById(any())).thenReturn(Optional.of(publication));
        return new Takedown(publication, consentId, "revoked", Instant.now(), "pi");
    }

    @Test
    void aFailingDeleteIsNeverRecordedAsDone() {
        Takedown takedown = pending();
        when(takedowns.findById(5L)).thenReturn(Optional.of(takedown));
        doThrow(new PlatformException(PlatformException.Kind.RETRYABLE, "facebook: 503")).when(adapter).delete("default", "77");
        assertThatThrownBy(() -> service.delete(5L, "carepost", "pi")).isInstanceOf(PlatformException.class);
        assertThat(takedown.getStatus()).isEqualTo(Takedown.Status.PENDING);
        assertThat(takedown.getDeletedAt()).isNull();
        assertThat(publication.getStatus()).isEqualTo(Publication.Status.PUBLISHED);
        verify(audit, never()).record(any());
    }

    @Test
    void aConfirmedDeleteIsRecordedOnceAndAudited() {
        Takedown takedown = pending();
        when(takedowns.findById(5L)).thenReturn(Optional.of(takedown));
        service.delete(5L, "carepost", "pi");
        service.delete(5L, "carepost", "pi"); // a retried job does not delete twice
        verify(adapter).delete("default", "77");
        assertThat(takedown.getStatus()).isEqualTo(Takedown.Status.DELETED);
        // what went out where says so too (it stayed PUBLISHED after a revocation's takedown)
        assertThat(publication.getStatus()).isEqualTo(Publication.Status.DELETED);
        assertThat(publication.getDeletedAt()).isEqualTo(takedown.getDeletedAt());
        verify(audit).record(argThat(e -> e.actor().equals("carepost") && e.action() == AuditAction.TAKEDOWN));
    }

    @Test
    void contentIsOnlyWithdrawnWhenEveryPostIsDown() {
        Takedown takedown = pending();
        when(takedowns.findByContentIdOrderById(contentId)).thenReturn(List.of(takedown));
        assertThatThrownBy(() -> service.completed(contentId, "carepost", "pi")).hasMessageContaining("1 posts");
        verify(contents, never()).withdraw(any(), any(), any(), any());
    }

    @Test
    void contentIsWithdrawnOnceEveryPostIsDownUnderTheAuthorizationThatEnded() {
        Takedown takedown = pending();
        when(takedowns.findById(5L)).thenReturn(Optional.of(takedown));
        service.delete(5L, "carepost", "pi");
        when(takedowns.findByContentIdOrderById(contentId)).thenReturn(List.of(takedown));
        service.completed(contentId, "carepost", "pi");
        verify(contents).withdraw(eq(contentId), argThat(w -> w.action() == AuditAction.TAKEN_DOWN
                && consentId.equals(w.consentId()) && w.comment().contains("revoked")), eq("carepost"), eq("pi"));
    }
}
