package org.carepost.publishing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TakedownRepository extends JpaRepository<Takedown, Long> {

    Optional<Takedown> findByPublicationId(Long publicationId);

    List<Takedown> findByContentIdOrderById(UUID contentId);
}
