package org.carepost.publishing;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContentRenderingRepository extends JpaRepository<ContentRendering, ContentRendering.Key> {

    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, and translates a derived query's criteria
    // anew on every call (#18, ProcessThroughputBenchmark).
    @org.springframework.data.jpa.repository.Query("select r from ContentRendering r where r.contentId = :contentId and r.versionNo = :versionNo"
            + " order by r.platform")
    List<ContentRendering> findByContentIdAndVersionNoOrderByPlatform(UUID contentId, int versionNo);
}
