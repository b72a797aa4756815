package org.carepost.review;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RoutingRecordRepository extends JpaRepository<RoutingRecord, Long> {

    Optional<RoutingRecord> findFirstByContentIdAndVersionNoOrderByIdDesc(UUID contentId, int versionNo);
}
