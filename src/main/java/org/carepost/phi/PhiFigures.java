package org.carepost.phi;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts of PHI findings for the governance page (analytics): aggregates only, never the words found. */
@Service
@Transactional(readOnly = true)
public class PhiFigures {

    private final JdbcTemplate jdbc;

    public PhiFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record TypeStatusCount(String type, String status, long count) {
    }

    /**
     * Findings first made in [from, to), per type and status, each counted once (one carried into a later version is
     * the same finding); department null: all.
     */
    public List<TypeStatusCount> findings(Instant from, Instant to, String department) {
        List<TypeStatusCount> rows = new ArrayList<>();
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (department != null) {
            args.add(department);
        }
        jdbc.query("select f.phi_type, f.status, count(*) from phi_finding f join content_item c on c.id = f.content_id"
                        + " where f.found_at >= ? and f.found_at < ? and f.carried_from is null"
                        + (department == null ? "" : " and c.department = ?") + " group by f.phi_type, f.status",
                rs -> {
                    rows.add(new TypeStatusCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }, args.toArray());
        return rows;
    }
}
