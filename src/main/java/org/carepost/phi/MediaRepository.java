package org.carepost.phi;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MediaRepository extends JpaRepository<MediaItem, Long> {

    List<MediaItem> findByContentIdOrderById(UUID contentId);
}
