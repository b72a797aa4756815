package org.carepost.review;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalRepository extends JpaRepository<Approval, Long> {

    List<Approval> findByContentIdOrderById(UUID contentId);

    List<Approval> findByContentIdAndVersionNoOrderById(UUID contentId, int versionNo);
}
