package org.carepost.publishing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PublicationRepository extends JpaRepository<Publication, Long> {

    Optional<Publication> findByIdempotencyKey(String idempotencyKey);

    List<Publication> findByContentIdOrderById(UUID contentId);

    List<Publication> findAllByOrderByIdDesc();

    List<Publication> findByContentIdInOrderById(java.util.Collection<UUID> contentIds);

    /** Rows per status, for the operations gauges. */
    @org.springframework.data.jpa.repository.Query("select p.status, count(p) from Publication p group by p.status")
    List<Object[]> countByStatus();
}
