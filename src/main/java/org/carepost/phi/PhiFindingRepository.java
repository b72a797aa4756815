package org.carepost.phi;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PhiFindingRepository extends JpaRepository<PhiFinding, Long> {

    List<PhiFinding> findByContentIdAndVersionNoOrderByStartAscIdAsc(UUID contentId, int versionNo);
}
