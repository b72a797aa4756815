package org.carepost.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStatus;
import org.carepost.content.ContentVersion;
import org.carepost.content.Hashing;
import org.carepost.content.Platform;
import org.carepost.content.VersionRenderer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the approved version to each target platform exactly once.
 *
 * <p>Per platform and account: (1) the publication row (unique idempotency key = content, version, platform,
 * account) is committed in its own transaction before the network is called; (2) the start of a call is committed
 * ({@code in_flight}); (3) the network is called with the stored rendering; (4) the outcome is committed. A retry
 * (job retry, crash, restart) finds the row: PUBLISHED is skipped; a row still in flight means the last call's
 * outcome is unknown, so the network is asked first ({@link PlatformAdapter#findPublished}, or a publish that the
 * network deduplicates by idempotency key); if the network cannot tell, the row becomes IN_DOUBT and an incident
 * says so rather than risking a second post. None of these transactions is the engine's: a failing job rolls back
 * nothing of this bookkeeping.
 */
@Service
public class PublishingService {

    public static final String DEFAULT_ACCOUNT = PublishingAccounts.DEFAULT_ACCOUNT;

    private final ContentService contents;
    private final PublicationRepository publications;
    private final PlatformAdapters adapters;
    private final AuditTrail audit;
    private final Clock clock;
    private final VersionRenderer renderer;
    private final PublishingAccounts accounts;
    private final TransactionTemplate ownTransaction;
    private final MeterRegistry meters;

    public PublishingService(ContentService contents, PublicationRepository publications, PlatformAdapters adapters,
                             AuditTrail audit, Clock clock, VersionRenderer renderer, PublishingAccounts accounts,
                             PlatformTransactionManager transactions, MeterRegistry meters) {
        this.contents = contents;
        this.publications = publications;
        this.adapters = adapters;
        this.audit = audit;
        this.clock = clock;
        this.renderer = renderer;
        this.accounts = accounts;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.meters = meters;
        // Every series exists from the start at 0, so an alert on its rate works before the first failure.
        for (Platform platform : Platform.values()) {
            for (PlatformException.Kind kind : PlatformException.Kind.values()) {
                failures(platform.code(), kind);
            }
        }
    }

    private io.micrometer.core.instrument.Counter failures(String platform, PlatformException.Kind kind) {
        return io.micrometer.core.instrument.Counter.builder("carepost.publication.failures")
                .description("Network calls to a platform refused or unanswered, per platform and kind")
                .tags("platform", platform, "kind", kind.name()).register(meters);
    }

    /** A hook between the network's answer and the commit that records it (used by the crash test only). */
    public interface AfterNetworkCall {
        void reached(PublishRequest request, PublishResult result);
    }

    private volatile AfterNetworkCall afterNetworkCall = (request, result) -> { };

    public void setAfterNetworkCall(AfterNetworkCall hook) {
        this.afterNetworkCall = hook == null ? (request, result) -> { } : hook;
    }

    /**
     * The gate, then one publication per platform; platforms already published are skipped. Every platform is
     * tried even if another fails. Afterwards the content is PUBLISHED or PARTIALLY_PUBLISHED, and if anything is
     * missing a {@link PlatformException} is thrown: RETRYABLE if every failure may heal (the job retries only the
     * missing platforms), else the worst kind, naming each platform and account (AUTHENTICATION: re-authorise).
     */
    public List<Publication> publish(UUID contentId, String processInstanceId) {
        ContentItem item = contents.get(contentId);
        ContentVersion version = contents.currentVersion(contentId);
        checkGate(item, version);
        Map<String, String> renderings = renderer.renderings(contentId, version.getVersionNo());
        if (!renderings.isEmpty() && !Hashing.versionHash(version.getBody(), renderings).equals(item.getApprovedHash())) {
            throw new PublicationGateException("Content " + contentId + ": the stored renderings of version "
                    + version.getVersionNo() + " do not match the approved hash; nothing was published.");
        }
        List<PlatformException> failures = new ArrayList<>();
        int published = 0;
        for (Platform platform : item.getPlatforms()) {
            String account = accounts.accountFor(platform.code(), item.getDepartment());
            // Versions made before renderings existed were approved as plain text.
            String text = renderings.getOrDefault(platform.code(), version.getBody());
            try {
                publishOne(item, version, platform.code(), account, text, processInstanceId);
                published++;
            } catch (PlatformException e) {
                failures.add(e);
            }
        }
        int total = item.getPlatforms().size();
        int done = published;
        ownTransaction.executeWithoutResult(status -> {
            if (done == total) {
                contents.published(contentId);
            } else if (done > 0) {
                contents.partiallyPublished(contentId);
            }
        });
        if (!failures.isEmpty()) {
            throw incomplete(contentId, published, total, failures);
        }
        return publications.findByContentIdOrderById(contentId);
    }

    private void publishOne(ContentItem item, ContentVersion version, String platform, String account, String text,
                            String processInstanceId) {
        UUID contentId = item.getId();
        String key = idempotencyKey(contentId, version.getVersionNo(), platform, account);
        Publication row = pendingRow(contentId, version, platform, account, key);
        if (row.getStatus() == Publication.Status.PUBLISHED) {
            return;
        }
        PlatformAdapter adapter = adapters.forPlatform(platform);
        PublishRequest request = new PublishRequest(key, platform, account, text, List.of());
        if (row.getStatus() == Publication.Status.IN_DOUBT) {
            // Nobody guesses: it stays in doubt until someone has verified the network.
            throw new PlatformException(PlatformException.Kind.PERMANENT, platform + " account '" + account
                    + "': publication " + row.getId() + " is IN_DOUBT (" + row.getLastError() + ")");
        }
        // FAILED (refused for good, e.g. an expired token) is tried again only when an operator retries the
        // incident, i.e. after re-authorising the account: the network never accepted it.
        if (row.isInFlight()) {
            // The last call's outcome is unknown (timeout, dropped connection, crash): ask the network first.
            var found = adapter.findPublished(request);
            if (found.isPresent()) {
                recordPublished(row.getId(), found.get(), text, version, processInstanceId, "found after retry");
                return;
            }
            if (!adapter.confirmsPublication()) {
                String why = platform + " account '" + account + "': publication " + row.getId()
                        + " may or may not be on the network (the last call got no answer) and " + platform
                        + " offers no way to ask; verify on the network before publishing again";
                update(row.getId(), p -> p.inDoubt(why));
                auditOutcome(contentId, version, processInstanceId, "in-doubt", platform + " " + account);
                throw new PlatformException(PlatformException.Kind.PERMANENT, why);
            }
        }
        update(row.getId(), Publication::attemptStarted);
        PublishResult result;
        try {
            result = adapter.publish(request);
        } catch (PlatformException e) {
            // Every refused or unanswered call, retryable or not: operations alert on the rate per platform.
            failures(platform, e.kind()).increment();
            update(row.getId(), p -> p.failed(e));
            if (e.kind() != PlatformException.Kind.RETRYABLE) {
                auditOutcome(contentId, version, processInstanceId, "failed", platform + " " + account + " " + e.kind());
            }
            throw e;
        }
        afterNetworkCall.reached(request, result);
        recordPublished(row.getId(), result, text, version, processInstanceId, null);
    }

    /** Finds or inserts (and commits) the row; two racing jobs meet at the unique key. */
    private Publication pendingRow(UUID contentId, ContentVersion version, String platform, String account, String key) {
        try {
            return ownTransaction.execute(status -> publications.findByIdempotencyKey(key).orElseGet(() ->
                    publications.saveAndFlush(new Publication(contentId, version.getVersionNo(), version.getSha256(),
                            platform, account, key, clock.instant()))));
        } catch (DataIntegrityViolationException raced) {
            return ownTransaction.execute(status -> publications.findByIdempotencyKey(key).orElseThrow());
        }
    }

    private void update(Long id, java.util.function.Consumer<Publication> change) {
        ownTransaction.executeWithoutResult(status -> change.accept(publications.findById(id).orElseThrow()));
    }

    private void recordPublished(Long id, PublishResult result, String text, ContentVersion version,
                                 String processInstanceId, String note) {
        ownTransaction.executeWithoutResult(status -> {
            Publication publication = publications.findById(id).orElseThrow();
            publication.published(result, Hashing.sha256(text), clock.instant());
            audit.record(AuditEntry.of("carepost", AuditAction.PUBLISH, publication.getContentId(), version.getSha256())
                    .withDecision("published", publication.getPlatform() + " " + publication.getAccount() + " "
                            + result.url() + (note == null ? "" : " (" + note + ")"))
                    .inProcess(processInstanceId, null));
        });
    }

    private void auditOutcome(UUID contentId, ContentVersion version, String processInstanceId, String decision,
                              String comment) {
        ownTransaction.executeWithoutResult(status -> audit.record(AuditEntry.of("carepost", AuditAction.PUBLISH,
                contentId, version.getSha256()).withDecision(decision, comment).inProcess(processInstanceId, null)));
    }

    /**
     * An operator has checked the network for a publication in doubt: either the post is there (its id and URL are
     * recorded, PUBLISHED) or it is not (back to PENDING, so retrying the incident publishes it). Audited.
     */
    public Publication resolveInDoubt(Long publicationId, String externalId, String url, String actor) {
        return ownTransaction.execute(status -> resolve(publicationId, externalId, url, actor));
    }

    private Publication resolve(Long publicationId, String externalId, String url, String actor) {
        Publication publication = publications.findById(publicationId).orElseThrow(() ->
                new PublicationGateException("No publication " + publicationId));
        if (publication.getStatus() != Publication.Status.IN_DOUBT) {
            throw new PublicationGateException("Publication " + publicationId + " is " + publication.getStatus()
                    + ", not IN_DOUBT.");
        }
        if (externalId != null && !externalId.isBlank()) {
            String rendering = renderer.renderings(publication.getContentId(), publication.getVersionNo())
                    .get(publication.getPlatform());
            publication.published(new PublishResult(externalId, url),
                    rendering == null ? null : Hashing.sha256(rendering), clock.instant());
        } else {
            publication.notOnNetwork();
        }
        audit.record(AuditEntry.of(actor, AuditAction.PUBLISH, publication.getContentId(), publication.getVersionHash())
                .withDecision(externalId == null || externalId.isBlank() ? "not-found" : "found",
                        publication.getPlatform() + " " + publication.getAccount() + " resolved by operator"));
        return publication;
    }

    @Transactional(readOnly = true)
    public List<Publication> all() {
        return publications.findAllByOrderByIdDesc();
    }

    @Transactional(readOnly = true)
    public List<Publication> forContent(UUID contentId) {
        return publications.findByContentIdOrderById(contentId);
    }

    private static PlatformException incomplete(UUID contentId, int published, int total, List<PlatformException> failures) {
        PlatformException.Kind kind = PlatformException.Kind.RETRYABLE;
        for (PlatformException f : failures) {
            if (f.kind() == PlatformException.Kind.AUTHENTICATION) {
                kind = PlatformException.Kind.AUTHENTICATION;
            } else if (f.kind() == PlatformException.Kind.PERMANENT && kind == PlatformException.Kind.RETRYABLE) {
                kind = PlatformException.Kind.PERMANENT;
            }
        }
        Map<String, String> seen = new LinkedHashMap<>();
        failures.forEach(f -> seen.putIfAbsent(f.getMessage(), f.kind().name()));
        StringBuilder message = new StringBuilder("Content " + contentId + " published on " + published + " of " + total
                + " platforms. ");
        seen.forEach((m, k) -> message.append(k).append(": ").append(m).append(". "));
        return new PlatformException(kind, message.toString().strip());
    }

    private static void checkGate(ContentItem item, ContentVersion version) {
        if (item.getStatus() != ContentStatus.APPROVED && item.getStatus() != ContentStatus.PUBLISHED
                && item.getStatus() != ContentStatus.PARTIALLY_PUBLISHED) {
            throw new PublicationGateException("Content " + item.getId() + " is " + item.getStatus() + ", not approved.");
        }
        if (!version.getSha256().equals(item.getApprovedHash())) {
            throw new PublicationGateException("Content " + item.getId() + ": the current version (" + version.getVersionNo()
                    + ") is not the approved one; nothing was published.");
        }
    }

    static String idempotencyKey(UUID contentId, int versionNo, String platform, String account) {
        return contentId + ":v" + versionNo + ":" + platform + ":" + account;
    }
}
