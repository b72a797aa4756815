package org.carepost.review;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HealthClaimRepository extends JpaRepository<HealthClaimRecord, Long> {

    List<HealthClaimRecord> findByContentIdAndVersionNoOrderByStartOffset(UUID contentId, int versionNo);

    boolean existsByContentIdAndVersionNo(UUID contentId, int versionNo);
}
