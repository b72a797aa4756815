package org.carepost.content;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContentVersionRepository extends JpaRepository<ContentVersion, Long> {

    List<ContentVersion> findByContentIdOrderByVersionNo(UUID contentId);
}
