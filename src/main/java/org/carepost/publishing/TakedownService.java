package org.carepost.publishing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentService;
import org.carepost.content.Withdrawal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one takedown path (takedown.bpmn): takes published posts down, one row per post in {@code takedown}, and marks
 * each publication DELETED once its network confirmed. A delete that the network refuses or that fails throws, so
 * the caller's job is retried and ends in an incident: a takedown never reports success it did not get.
 */
@Service
public class TakedownService {

    private final PublicationRepository publications;
    private final TakedownRepository takedowns;
    private final PlatformAdapters adapters;
    private final ContentService contents;
    private final AuditTrail audit;
    private final Clock clock;

    public TakedownService(PublicationRepository publications, TakedownRepository takedowns, PlatformAdapters adapters,
                           ContentService contents, AuditTrail audit, Clock clock) {
        this.publications = publications;
        this.takedowns = takedowns;
        this.adapters = adapters;
        this.contents = contents;
        this.audit = audit;
        this.clock = clock;
    }

    /** One pending takedown per published post of the content (idempotent); returns their ids. */
    @Transactional
    public List<Long> plan(UUID contentId, UUID consentId, String reason, String processInstanceId) {
        List<Long> ids = new ArrayList<>();
        for (Publication publication : publications.findByContentIdOrderById(contentId)) {
            if (publication.getStatus() != Publication.Status.PUBLISHED) {
                continue;
            }
            Takedown takedown = takedowns.findByPublicationId(publication.getId()).orElseGet(() -> takedowns.save(
                    new Takedown(publication, consentId, reason, clock.instant(), processInstanceId)));
            if (takedown.getStatus() == Takedown.Status.PENDING) {
                ids.add(takedown.getId());
            }
        }
        return ids;
    }

    /** Deletes one post on its network; records, marks the publication and audits it only once the network confirmed. */
    @Transactional
    public Takedown delete(long takedownId, String actor, String processInstanceId) {
        Takedown takedown = takedowns.findById(takedownId).orElseThrow(() ->
                new IllegalStateException("No takedown " + takedownId));
        if (takedown.getStatus() == Takedown.Status.DELETED) {
            return takedown;
        }
        adapters.forPlatform(takedown.getPlatform()).delete(takedown.getAccount(), takedown.getExternalId());
        Publication publication = publications.findById(takedown.getPublicationId()).orElseThrow(() ->
                new IllegalStateException("No publication " + takedown.getPublicationId()));
        takedown.deleted(clock.instant());
        publication.deleted(takedown.getDeletedAt());
        audit.record(AuditEntry.of(actor, AuditAction.TAKEDOWN, takedown.getContentId(), publication.getVersionHash())
                .withConsent(takedown.getConsentId())
                .withDecision("deleted", takedown.getPlatform() + " post " + takedown.getExternalId())
                .inProcess(processInstanceId, null));
        return takedown;
    }

    /**
     * Every post of the content is down: the content is withdrawn (audited, under the authorization whose end
     * caused the takedown). Refuses if any delete is still pending.
     */
    @Transactional
    public void completed(UUID contentId, String actor, String processInstanceId) {
        List<Takedown> all = takedowns.findByContentIdOrderById(contentId);
        long pending = all.stream().filter(t -> t.getStatus() != Takedown.Status.DELETED).count();
        if (pending > 0) {
            throw new IllegalStateException("Content " + contentId + " still has " + pending + " posts to take down");
        }
        Takedown last = all.isEmpty() ? null : all.get(all.size() - 1);
        contents.withdraw(contentId, Withdrawal.takenDown(last == null ? null : last.getConsentId(),
                last == null || last.getReason() == null ? "revoked" : last.getReason()), actor, processInstanceId);
    }

    @Transactional(readOnly = true)
    public List<Takedown> forContent(UUID contentId) {
        return takedowns.findByContentIdOrderById(contentId);
    }
}
