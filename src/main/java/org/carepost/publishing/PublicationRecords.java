package org.carepost.publishing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads publications for other modules (auditors' dossier, "My drafts", the operations gauges, the governance
 * page), so the tables and
 * their repositories stay private to publishing.
 */
@Service
@Transactional(readOnly = true)
public class PublicationRecords {

    private final PublicationRepository publications;
    private final SandboxPostRepository sandboxPosts;
    private final JdbcTemplate jdbc;

    public PublicationRecords(PublicationRepository publications, SandboxPostRepository sandboxPosts, JdbcTemplate jdbc) {
        this.publications = publications;
        this.sandboxPosts = sandboxPosts;
        this.jdbc = jdbc;
    }

    /** One draft's publications, oldest first. */
    public List<Publication> ofContent(UUID contentId) {
        return publications.findByContentIdOrderById(contentId);
    }

    /** The text the sandbox network received for this publication attempt, if it went to the sandbox. */
    public Optional<String> sandboxText(String idempotencyKey) {
        return sandboxPosts.findByIdempotencyKey(idempotencyKey).map(SandboxPost::getBody);
    }

    /** Publications per status name (counts only). */
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : publications.countByStatus()) {
            counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Posts published in [from, to), per platform in platform order (the governance page); department null: all. */
    public Map<String, Long> publishedPerPlatform(Instant from, Instant to, String department) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (department != null) {
            args.add(department);
        }
        jdbc.query("select p.platform, count(*) from publication p join content_item c on c.id = p.content_id"
                        + " where p.status = 'PUBLISHED' and p.published_at >= ? and p.published_at < ?"
                        + (department == null ? "" : " and c.department = ?") + " group by p.platform order by p.platform",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, args.toArray());
        return counts;
    }
}
