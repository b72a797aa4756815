package org.carepost.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.carepost.phi.PhiScanService;
import org.carepost.publishing.PublicationRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the database, so every node of a cluster reports the same cluster-wide figures (aggregate with
 * max, not sum): running instances per process, open tasks and the age of the oldest per task, incidents,
 * publications per status, PHI findings per type and status. They are refreshed on a schedule rather than per
 * scrape, so a busy Prometheus cannot load the database. Counts and ages only; no content, names or text.
 */
@Component
public class OperationsMetrics {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final PublicationRecords publications;
    private final PhiScanService findings;
    private final Clock clock;

    private final MultiGauge processInstances;
    private final MultiGauge openTasks;
    private final MultiGauge oldestTaskAge;
    private final MultiGauge incidents;
    private final MultiGauge publicationsByStatus;
    private final MultiGauge phiFindings;

    public OperationsMetrics(MeterRegistry meters, RepositoryService repository, RuntimeService runtime,
                             JdbcTemplate jdbc, PublicationRecords publications, PhiScanService findings,
                             Clock clock) {
        this.repository = repository;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.publications = publications;
        this.findings = findings;
        this.clock = clock;
        processInstances = MultiGauge.builder("carepost.process.instances")
                .description("Running process instances per process definition key").register(meters);
        openTasks = MultiGauge.builder("carepost.tasks.open")
                .description("Open user tasks per task (BPMN id)").register(meters);
        oldestTaskAge = MultiGauge.builder("carepost.tasks.oldest.age").baseUnit("seconds")
                .description("Age of the oldest open user task per task (BPMN id)").register(meters);
        incidents = MultiGauge.builder("carepost.incidents")
                .description("Open incidents per process definition key and incident type").register(meters);
        publicationsByStatus = MultiGauge.builder("carepost.publications")
                .description("Publications per status (FAILED and IN_DOUBT need an operator)").register(meters);
        phiFindings = MultiGauge.builder("carepost.phi.findings")
                .description("PHI findings per type and status").register(meters);
    }

    @Scheduled(fixedDelayString = "${carepost.metrics.refresh-interval:PT15S}")
    public void refresh() {
        List<MultiGauge.Row<?>> processes = new ArrayList<>();
        // Every process shows 0 failed-job incidents rather than no series, so "no incident" is a value an alert reads.
        java.util.Map<List<String>, Long> incidentCounts = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().withoutTenantId().latestVersion().list()) {
            String key = definition.getKey();
            processes.add(MultiGauge.Row.of(Tags.of("process", key),
                    runtime.createProcessInstanceQuery().processDefinitionKey(key).count()));
            incidentCounts.put(List.of(key, org.camunda.bpm.engine.runtime.Incident.FAILED_JOB_HANDLER_TYPE), 0L);
        }
        processInstances.register(processes, true);

        List<MultiGauge.Row<?>> open = new ArrayList<>();
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        long now = clock.millis();
        // Grouped in SQL: one query whatever the number of open tasks (the engine's task query cannot group).
        jdbc.query("select TASK_DEF_KEY_, count(*), min(CREATE_TIME_) from ACT_RU_TASK group by TASK_DEF_KEY_", rs -> {
            String task = rs.getString(1) == null ? "none" : rs.getString(1);
            open.add(MultiGauge.Row.of(Tags.of("task", task), rs.getLong(2)));
            Timestamp oldest = rs.getTimestamp(3);
            double age = oldest == null ? 0 : Math.max(0, now - oldest.getTime()) / 1000.0;
            ages.add(MultiGauge.Row.of(Tags.of("task", task), age));
        });
        openTasks.register(open, true);
        oldestTaskAge.register(ages, true);

        jdbc.query("select d.KEY_, i.INCIDENT_TYPE_, count(*) from ACT_RU_INCIDENT i "
                + "join ACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_ group by d.KEY_, i.INCIDENT_TYPE_", rs -> {
            incidentCounts.merge(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3), Long::sum);
        });
        incidents.register(incidentCounts.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(
                Tags.of("process", e.getKey().get(0), "type", e.getKey().get(1)), e.getValue())).toList(), true);

        List<MultiGauge.Row<?>> statuses = new ArrayList<>();
        publications.countByStatus().forEach((status, count) ->
                statuses.add(MultiGauge.Row.of(Tags.of("status", status), count)));
        publicationsByStatus.register(statuses, true);

        List<MultiGauge.Row<?>> phi = new ArrayList<>();
        findings.countByTypeAndStatus().forEach((typeAndStatus, count) ->
                phi.add(MultiGauge.Row.of(Tags.of("type", typeAndStatus.get(0), "status", typeAndStatus.get(1)), count)));
        phiFindings.register(phi, true);
    }
}
