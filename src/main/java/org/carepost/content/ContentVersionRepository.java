package org.carepost.content;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContentVersionRepository extends JpaRepository<ContentVersion, Long> {

    Optional<ContentVersion> findByContentIdAndVersionNo(UUID contentId, int versionNo);

    List<ContentVersion> findByContentIdOrderByVersionNo(UUID contentId);
}
