package org.carepost.publishing;

import java.time.Clock;
import java.util.List;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes the approved version to each target platform, once. */
@Service
public class PublishingService {

    public static final String DEFAULT_ACCOUNT = "default";

    private final ContentService contents;
    private final PublicationRepository publications;
    private final PlatformAdapters adapters;
    private final AuditTrail audit;
    private final Clock clock;

    public PublishingService(ContentService contents, PublicationRepository publications, PlatformAdapters adapters,
                             AuditTrail audit, Clock clock) {
        this.contents = contents;
        this.publications = publications;
        this.adapters = adapters;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The gate, then one publication per platform. A platform already published under the same key is skipped,
     * so a retried job never posts twice.
     */
    @Transactional
    public List<Publication> publish(UUID contentId, String processInstanceId) {
        ContentItem item = contents.get(contentId);
        ContentVersion version = contents.currentVersion(contentId);
        checkGate(item, version);
        for (Platform platform : item.getPlatforms()) {
            String key = idempotencyKey(contentId, version.getVersionNo(), platform.code(), DEFAULT_ACCOUNT);
            Publication publication = publications.findByIdempotencyKey(key).orElseGet(() -> publications.save(
                    new Publication(contentId, version.getVersionNo(), version.getSha256(), platform.code(),
                            DEFAULT_ACCOUNT, key, clock.instant())));
            if (publication.getStatus() == Publication.Status.PUBLISHED) {
                continue;
            }
            String text = version.getBody();
            PublishResult result = adapters.forPlatform(platform.code())
                    .publish(new PublishRequest(key, platform.code(), DEFAULT_ACCOUNT, text, List.of()));
            publication.published(result, Hashing.sha256(text), clock.instant());
            audit.record(AuditEntry.of("carepost", AuditAction.PUBLISH, contentId, version.getSha256())
                    .withDecision("published", platform.code() + " " + result.url())
                    .inProcess(processInstanceId, null));
        }
        contents.published(contentId);
        return publications.findByContentIdOrderById(contentId);
    }

    @Transactional(readOnly = true)
    public List<Publication> all() {
        return publications.findAllByOrderByIdDesc();
    }

    @Transactional(readOnly = true)
    public List<Publication> forContent(UUID contentId) {
        return publications.findByContentIdOrderById(contentId);
    }

    private static void checkGate(ContentItem item, ContentVersion version) {
        if (item.getStatus() != ContentStatus.APPROVED && item.getStatus() != ContentStatus.PUBLISHED) {
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
