package org.carepost.review;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalRepository extends JpaRepository<Approval, Long> {

    List<Approval> findByContentIdOrderById(UUID contentId);

    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, and translates a derived query's criteria
    // anew on every call (#18, ProcessThroughputBenchmark).
    @org.springframework.data.jpa.repository.Query("select a from Approval a where a.contentId = :contentId and a.versionNo = :versionNo order by a.id")
    List<Approval> findByContentIdAndVersionNoOrderById(UUID contentId, int versionNo);
}
