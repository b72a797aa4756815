package org.carepost.phi;

import java.util.Set;
import java.util.UUID;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentNotFoundException;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which versions of a draft still hold text the privacy office redacted afterwards: every version up to the last one
 * a redaction was made from (a redaction turns version n into n+1; earlier versions had the same words). Their text is
 * the privacy-only version store: the privacy group reads it; auditors through an explicit, audited action; nobody
 * else.
 */
@Component
public class RedactedVersions {

    private final PhiFindingRepository findings;
    private final ContentService contents;
    private final AuditTrail audit;

    public RedactedVersions(PhiFindingRepository findings, ContentService contents, AuditTrail audit) {
        this.findings = findings;
        this.contents = contents;
        this.audit = audit;
    }

    /**
     * An auditor's explicit "show unredacted" of one version: the text is returned and the reading is in the audit
     * trail (who, which draft and version hash), in the same transaction.
     */
    @Transactional
    public ContentVersion showUnredacted(UUID contentId, int versionNo, String auditor) {
        ContentVersion version = contents.versions(contentId).stream().filter(v -> v.getVersionNo() == versionNo)
                .findFirst().orElseThrow(() -> new ContentNotFoundException(contentId));
        audit.record(AuditEntry.of(auditor, AuditAction.SHOW_UNREDACTED, contentId, version.getSha256())
                .withDecision("shown", "version " + versionNo + (versionNo <= redactedThrough(contentId)
                        ? " (text redacted afterwards)" : "")));
        return version;
    }

    /** The highest version number whose text was redacted afterwards; 0 when nothing was ever redacted. */
    @Transactional(readOnly = true)
    public int redactedThrough(UUID contentId) {
        Integer last = findings.lastVersionRedactedFrom(contentId);
        return last == null ? 0 : last;
    }

    /** Whether this reader may see the text of this version. */
    public static boolean readable(ContentVersion version, int redactedThrough, Set<String> groups) {
        return version.getVersionNo() > redactedThrough || groups.contains(PhiScanService.PRIVACY_GROUP);
    }
}
