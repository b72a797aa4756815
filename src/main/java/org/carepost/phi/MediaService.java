package org.carepost.phi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentForbiddenException;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStateException;
import org.carepost.content.ContentStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Images of a draft: only its author attaches them, and only metadata-free bytes are stored. */
@Service
public class MediaService {

    private final MediaSanitizer sanitizer;
    private final MediaRepository media;
    private final ContentService contents;
    private final AuditTrail audit;
    private final Clock clock;

    public MediaService(MediaSanitizer sanitizer, MediaRepository media, ContentService contents, AuditTrail audit,
                        Clock clock) {
        this.sanitizer = sanitizer;
        this.media = media;
        this.contents = contents;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public MediaItem upload(UUID contentId, byte[] upload, String user) {
        ContentItem item = contents.get(contentId);
        if (!item.getAuthor().equals(user)) {
            throw new ContentForbiddenException("Only the author of a draft may attach images to it.");
        }
        if (item.getStatus() != ContentStatus.IN_REVIEW && item.getStatus() != ContentStatus.CHANGES_REQUESTED) {
            throw new ContentStateException("Images are attached to drafts in review only (status " + item.getStatus() + ").");
        }
        MediaSanitizer.Sanitized clean = sanitizer.sanitize(upload);
        String sha = sha256(clean.bytes());
        MediaItem saved = media.save(new MediaItem(contentId, clean.mediaType(), clean.bytes(), sha, user, clock.instant()));
        audit.record(AuditEntry.of(user, AuditAction.MEDIA_UPLOAD, contentId, contents.currentVersion(contentId).getSha256())
                .withDecision("stored", "media " + saved.getId() + " sha256 " + sha));
        return saved;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
