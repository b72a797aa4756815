package org.carepost.content;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContentItemRepository extends JpaRepository<ContentItem, UUID> {

    List<ContentItem> findByConsentIdOrderByCreatedAt(UUID consentId);

    /** An author's drafts, newest first (the author's "My drafts" page). */
    List<ContentItem> findTop200ByAuthorOrderByCreatedAtDesc(String author);
}
