package org.carepost.auditor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carepost.content.ContentKind;
import org.carepost.content.ContentStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auditor's list of drafts: filtered, counted, sorted and paged in SQL (one count and one page query, plus one
 * query for the open tasks of the page's drafts), each row's status in words. Only the page's rows are read.
 */
@Service
public class AuditItemList {

    private final JdbcTemplate jdbc;
    private final PeopleNames people;

    public AuditItemList(JdbcTemplate jdbc, PeopleNames people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    /** A status in words; {@code at} is the time that completes it ("scheduled for" + the time), or null. */
    public record DraftStatus(String code, String text, Instant at) {
    }

    public record Row(UUID id, String title, String kind, String department, String author, Instant createdAt,
                      Instant publishAt, DraftStatus status) {
    }

    public record ListPage(AuditListQuery query, List<Row> rows, long total, int pages) {

        public boolean hasPrevious() {
            return query.page() > 1;
        }

        public boolean hasNext() {
            return query.page() < pages;
        }

        /** Position of the first row shown, 1-based (0 for an empty page). */
        public long first() {
            return rows.isEmpty() ? 0 : query.offset() + 1;
        }

        public long last() {
            return query.offset() + rows.size();
        }
    }

    @Transactional(readOnly = true)
    public ListPage page(AuditListQuery query) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        long total = jdbc.queryForObject("select count(*) from content_item ci" + where, Long.class, args.toArray());
        String order = switch (query.sort()) {
            case TIME -> "ci.created_at";
            case TITLE -> "lower(ci.title)";
            case STATUS -> DraftStage.rankExpression();
        };
        String dir = query.ascending() ? " asc" : " desc";
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.offset());
        pageArgs.add(query.size());
        Function<String, String> names = people.users();
        List<Row> rows = jdbc.query("select ci.id, ci.title, ci.kind, ci.department, ci.author, ci.status, ci.created_at, "
                + "ci.publish_at from content_item ci" + where + " order by " + order + dir + ", ci.created_at" + dir
                + ", ci.id" + dir + " offset ? rows fetch next ? rows only", (rs, n) -> row(rs, names), pageArgs.toArray());
        Map<UUID, List<String>> tasks = openTasks(rows.stream().filter(r -> r.status() == null).map(Row::id).toList());
        List<Row> worded = rows.stream().map(r -> r.status() != null ? r : new Row(r.id(), r.title(), r.kind(),
                r.department(), r.author(), r.createdAt(), r.publishAt(),
                inReview(tasks.getOrDefault(r.id(), List.of())))).toList();
        int pages = (int) Math.max(1, (total + query.size() - 1) / query.size());
        return new ListPage(query, worded, total, pages);
    }

    /** One draft's status in words (the dossier's heading). */
    @Transactional(readOnly = true)
    public DraftStatus statusOf(UUID id, ContentStatus status, Instant publishAt) {
        return status == ContentStatus.IN_REVIEW ? inReview(openTasks(List.of(id)).getOrDefault(id, List.of()))
                : settled(status, publishAt);
    }

    private static String where(AuditListQuery query, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (query.fromInstant() != null) {
            conditions.add("ci.created_at >= ?");
            args.add(OffsetDateTime.ofInstant(query.fromInstant(), ZoneOffset.UTC));
        }
        if (query.toInstant() != null) {
            conditions.add("ci.created_at < ?");
            args.add(OffsetDateTime.ofInstant(query.toInstant(), ZoneOffset.UTC));
        }
        if (query.department() != null) {
            conditions.add("ci.department = ?");
            args.add(query.department());
        }
        if (query.kind() != null) {
            conditions.add("ci.kind = ?");
            args.add(query.kind().code());
        }
        if (query.status() != null) {
            conditions.add("(" + query.status().condition() + ")");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** A row; the status of a draft in review is left for {@link #inReview} (it needs the open tasks). */
    private static Row row(ResultSet rs, Function<String, String> names) throws SQLException {
        ContentStatus status = ContentStatus.valueOf(rs.getString("status"));
        OffsetDateTime publishAt = rs.getObject("publish_at", OffsetDateTime.class);
        Instant publish = publishAt == null ? null : publishAt.toInstant();
        String kind = rs.getString("kind");
        String department = rs.getString("department");
        return new Row(rs.getObject("id", UUID.class), rs.getString("title"),
                ContentKind.fromCode(kind).map(ContentKind::label).orElse(kind), departmentLabel(department),
                names.apply(rs.getString("author")), rs.getObject("created_at", OffsetDateTime.class).toInstant(), publish,
                status == ContentStatus.IN_REVIEW ? null : settled(status, publish));
    }

    public static String departmentLabel(String department) {
        return department == null || department.isEmpty() ? ""
                : Character.toUpperCase(department.charAt(0)) + department.substring(1);
    }

    private static DraftStatus settled(ContentStatus status, Instant publishAt) {
        DraftStage stage = switch (status) {
            case CHANGES_REQUESTED -> DraftStage.REVISION;
            case APPROVED -> DraftStage.SCHEDULED;
            case PARTIALLY_PUBLISHED -> DraftStage.PARTIALLY_PUBLISHED;
            case PUBLISHED -> DraftStage.PUBLISHED;
            case REJECTED -> DraftStage.REJECTED;
            case WITHDRAWN -> DraftStage.WITHDRAWN;
            case IN_REVIEW -> DraftStage.PROCESSING;
        };
        return new DraftStatus(stage.code(), stage.words(), stage == DraftStage.SCHEDULED ? publishAt : null);
    }

    /** "waiting for privacy review, legal review and brand review", from the open tasks. */
    static DraftStatus inReview(List<String> openTaskKeys) {
        List<DraftStage> stages = DraftStage.ofOpenTasks(openTaskKeys);
        if (stages.get(0) == DraftStage.PROCESSING) {
            return new DraftStatus(DraftStage.PROCESSING.code(), DraftStage.PROCESSING.words(), null);
        }
        List<String> words = stages.stream().map(DraftStage::words).toList();
        String joined = words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
        return new DraftStatus(stages.get(0).code(), "waiting for " + joined, null);
    }

    /** The open user tasks' keys of the processes whose business key is one of these drafts' ids. */
    private Map<UUID, List<String>> openTasks(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<String>> out = new HashMap<>();
        String marks = ids.stream().map(i -> "?").collect(Collectors.joining(", "));
        jdbc.query("select p.business_key_, t.task_def_key_ from act_ru_task t join act_ru_execution p "
                + "on p.id_ = t.proc_inst_id_ where p.business_key_ in (" + marks + ") order by t.create_time_",
                rs -> {
                    out.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new ArrayList<>()).add(rs.getString(2));
                }, ids.stream().map(UUID::toString).toArray());
        return Collections.unmodifiableMap(out);
    }
}
