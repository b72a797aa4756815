package org.carepost.phi;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PhiFindingRepository extends JpaRepository<PhiFinding, Long> {

    List<PhiFinding> findByContentIdAndVersionNoOrderByStartAscIdAsc(UUID contentId, int versionNo);

    /** The latest version of a draft that findings were redacted from (its text has them), or null. */
    @org.springframework.data.jpa.repository.Query("select max(f.versionNo) from PhiFinding f where f.contentId = :contentId"
            + " and f.status = org.carepost.phi.PhiFindingStatus.REDACTED")
    Integer lastVersionRedactedFrom(UUID contentId);

    /** Findings per type and status, for the operations gauges (counts only, never text). */
    @org.springframework.data.jpa.repository.Query("select f.type, f.status, count(f) from PhiFinding f group by f.type, f.status")
    List<Object[]> countByTypeAndStatus();
}
