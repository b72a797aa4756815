package org.carepost.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts of review decisions for the governance page (analytics): aggregates only, never comments or names. */
@Service
@Transactional(readOnly = true)
public class ReviewFigures {

    private final JdbcTemplate jdbc;

    public ReviewFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Decisions of one kind of content: "changes" or "reject", and how many. */
    public record KindDecisionCount(String kind, String decision, long count) {
    }

    /** Change requests and rejections decided in [from, to), per content kind; department null: all. */
    public List<KindDecisionCount> changesAndRejections(Instant from, Instant to, String department) {
        List<KindDecisionCount> rows = new ArrayList<>();
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (department != null) {
            args.add(department);
        }
        jdbc.query("select c.kind, a.decision, count(*) from approval a join content_item c on c.id = a.content_id"
                        + " where a.decided_at >= ? and a.decided_at < ? and a.decision in ('changes', 'reject')"
                        + (department == null ? "" : " and c.department = ?") + " group by c.kind, a.decision",
                rs -> {
                    rows.add(new KindDecisionCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }, args.toArray());
        return rows;
    }
}
