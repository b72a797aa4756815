package org.carepost.pause;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.carepost.config.CarePostProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code carepost_publishing_paused{scope="all"}} and one series per department: 1 while an active pause covers it,
 * else 0 (so "not paused" is a value an alert reads). Read from the database, so every node of a cluster reports the
 * same; refreshed on the metrics schedule and at once by the node that pauses or resumes.
 */
@Component
public class PausedGauge {

    private final JdbcTemplate jdbc;
    private final List<String> departments;
    private final MultiGauge paused;

    public PausedGauge(MeterRegistry meters, JdbcTemplate jdbc, CarePostProperties properties) {
        this.jdbc = jdbc;
        this.departments = properties.departments();
        this.paused = MultiGauge.builder("carepost.publishing.paused")
                .description("1 while publishing is paused for the scope (all, or a department), else 0").register(meters);
    }

    @Scheduled(fixedDelayString = "${carepost.metrics.refresh-interval:PT15S}")
    public void refresh() {
        List<String> activeDepartments = jdbc.queryForList("select coalesce(department, '*') from publishing_pause "
                + "where resumed_at is null", String.class);
        boolean all = activeDepartments.contains("*");
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        rows.add(MultiGauge.Row.of(Tags.of("scope", "all", "department", ""), all ? 1 : 0));
        for (String department : departments) {
            rows.add(MultiGauge.Row.of(Tags.of("scope", "department", "department", department),
                    all || activeDepartments.contains(department) ? 1 : 0));
        }
        paused.register(rows, true);
    }
}
