package org.carepost.phi;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carepost.consent.CoveredFindings;
import org.carepost.content.ContentService;
import org.carepost.publishing.TitlePrivacy;
import org.carepost.review.MediaPresence;
import org.carepost.review.PhiPresence;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the other features ask of the PHI records: whether a version still carries PHI (routing), whether the draft
 * has images (routing), and which finding types the privacy office marked as covered by the patient's authorization
 * (consent coverage). Answers name types, never the text.
 */
@Component
public class PhiFacts implements PhiPresence, MediaPresence, CoveredFindings, TitlePrivacy {

    private final PhiFindingRepository findings;
    private final MediaRepository media;
    private final ContentService contents;

    public PhiFacts(PhiFindingRepository findings, MediaRepository media, ContentService contents) {
        this.findings = findings;
        this.media = media;
        this.contents = contents;
    }

    /**
     * PHI is present unless every finding of the version was redacted or dismissed as not PHI; a covered finding is
     * still PHI.
     */
    @Override
    @Transactional(readOnly = true)
    public boolean phiPresent(UUID contentId, int versionNo) {
        return findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId, versionNo).stream()
                .anyMatch(f -> f.getStatus() != PhiFindingStatus.REDACTED
                        && f.getStatus() != PhiFindingStatus.DISMISSED_NOT_PHI);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mediaAttached(UUID contentId, int versionNo) {
        return !media.findByContentIdOrderById(contentId).isEmpty();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> coveredTypes(UUID contentId) {
        int current = contents.get(contentId).getCurrentVersionNo();
        return findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId, current).stream()
                .filter(f -> f.getStatus() == PhiFindingStatus.COVERED_BY_AUTHORIZATION)
                .map(f -> f.getType().name()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> withheldTitles(java.util.Collection<UUID> contentIds) {
        return contentIds.isEmpty() ? Set.of() : Set.copyOf(findings.withOpenTitleFindings(contentIds));
    }
}
