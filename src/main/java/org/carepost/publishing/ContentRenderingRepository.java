package org.carepost.publishing;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContentRenderingRepository extends JpaRepository<ContentRendering, ContentRendering.Key> {

    List<ContentRendering> findByContentIdAndVersionNoOrderByPlatform(UUID contentId, int versionNo);
}
