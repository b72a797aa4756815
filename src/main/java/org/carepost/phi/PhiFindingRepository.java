package org.carepost.phi;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PhiFindingRepository extends JpaRepository<PhiFinding, Long> {

    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, and translates a derived query's criteria
    // anew on every call (#18, ProcessThroughputBenchmark).
    @org.springframework.data.jpa.repository.Query("select f from PhiFinding f where f.contentId = :contentId and f.versionNo = :versionNo"
            + " order by f.start, f.id")
    List<PhiFinding> findByContentIdAndVersionNoOrderByStartAscIdAsc(UUID contentId, int versionNo);

    /** The latest version of a draft that findings were redacted from (its text has them), or null. */
    @org.springframework.data.jpa.repository.Query("select max(f.versionNo) from PhiFinding f where f.contentId = :contentId"
            + " and f.status = org.carepost.phi.PhiFindingStatus.REDACTED")
    Integer lastVersionRedactedFrom(UUID contentId);

    /** Of these drafts, those whose current version's title has an open finding. */
    @org.springframework.data.jpa.repository.Query("select distinct f.contentId from PhiFinding f, "
            + "org.carepost.content.ContentItem c where c.id = f.contentId and f.versionNo = c.currentVersionNo "
            + "and f.field = org.carepost.phi.PhiField.TITLE and f.status = org.carepost.phi.PhiFindingStatus.OPEN "
            + "and f.contentId in :ids")
    List<UUID> withOpenTitleFindings(@org.springframework.data.repository.query.Param("ids") java.util.Collection<UUID> ids);

    /** Findings per type and status, for the operations gauges (counts only, never text). */
    @org.springframework.data.jpa.repository.Query("select f.type, f.status, count(f) from PhiFinding f group by f.type, f.status")
    List<Object[]> countByTypeAndStatus();
}
