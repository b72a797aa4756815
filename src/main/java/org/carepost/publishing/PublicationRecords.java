package org.carepost.publishing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads publications for other modules (auditors' dossier, "My drafts", the operations gauges), so the tables and
 * their repositories stay private to publishing.
 */
@Service
@Transactional(readOnly = true)
public class PublicationRecords {

    private final PublicationRepository publications;
    private final SandboxPostRepository sandboxPosts;

    public PublicationRecords(PublicationRepository publications, SandboxPostRepository sandboxPosts) {
        this.publications = publications;
        this.sandboxPosts = sandboxPosts;
    }

    /** One draft's publications, oldest first. */
    public List<Publication> ofContent(UUID contentId) {
        return publications.findByContentIdOrderById(contentId);
    }

    /** The text the sandbox network received for this publication attempt, if it went to the sandbox. */
    public Optional<String> sandboxText(String idempotencyKey) {
        return sandboxPosts.findByIdempotencyKey(idempotencyKey).map(SandboxPost::getBody);
    }

    /** Publications per status name (counts only). */
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : publications.countByStatus()) {
            counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
