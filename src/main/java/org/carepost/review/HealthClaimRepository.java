package org.carepost.review;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HealthClaimRepository extends JpaRepository<HealthClaimRecord, Long> {

    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, and translates a derived query's criteria
    // anew on every call (#18, ProcessThroughputBenchmark).
    @org.springframework.data.jpa.repository.Query("select c from HealthClaimRecord c where c.contentId = :contentId and c.versionNo = :versionNo"
            + " order by c.startOffset")
    List<HealthClaimRecord> findByContentIdAndVersionNoOrderByStartOffset(UUID contentId, int versionNo);

    boolean existsByContentIdAndVersionNo(UUID contentId, int versionNo);
}
