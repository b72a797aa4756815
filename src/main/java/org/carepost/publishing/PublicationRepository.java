package org.carepost.publishing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PublicationRepository extends JpaRepository<Publication, Long> {

    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, and translates a derived query's criteria
    // anew on every call (#18, ProcessThroughputBenchmark).
    @org.springframework.data.jpa.repository.Query("select p from Publication p where p.idempotencyKey = :idempotencyKey")
    Optional<Publication> findByIdempotencyKey(String idempotencyKey);

    @org.springframework.data.jpa.repository.Query("select p from Publication p where p.contentId = :contentId order by p.id")
    List<Publication> findByContentIdOrderById(UUID contentId);

    List<Publication> findAllByOrderByIdDesc();

    List<Publication> findByContentIdInOrderById(java.util.Collection<UUID> contentIds);

    /** Rows per status, for the operations gauges. */
    @org.springframework.data.jpa.repository.Query("select p.status, count(p) from Publication p group by p.status")
    List<Object[]> countByStatus();
}
