package org.carepost.phi;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MediaRepository extends JpaRepository<MediaItem, Long> {

    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, and translates a derived query's criteria
    // anew on every call (#18, ProcessThroughputBenchmark).
    @org.springframework.data.jpa.repository.Query("select m from MediaItem m where m.contentId = :contentId order by m.id")
    List<MediaItem> findByContentIdOrderById(UUID contentId);
}
