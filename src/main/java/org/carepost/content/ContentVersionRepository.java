package org.carepost.content;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContentVersionRepository extends JpaRepository<ContentVersion, Long> {

    /**
     * Native SQL: this lookup runs several times in every process step (the current version), and as a derived query
     * Hibernate translated it anew on each call - 15% of the CPU a post costs in ProcessThroughputBenchmark.
     */
    @Query(value = "select * from content_version where content_id = :contentId and version_no = :versionNo",
            nativeQuery = true)
    Optional<ContentVersion> findByContentIdAndVersionNo(UUID contentId, int versionNo);

    List<ContentVersion> findByContentIdOrderByVersionNo(UUID contentId);
}
