package org.carepost.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Optional;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PostgresApplicationTest
class OperationsPostgresTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OperationsMetrics operationsMetrics;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void healthShowsDatabaseAndJobExecutorToOperationsOnly() {
        ApiClient.Reply health = api.get("/actuator/health", "otto");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        JsonNode components = health.json().get("components");
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("db").get("details").get("database").asText()).isEqualTo("PostgreSQL");
        assertThat(components.get("jobExecutor").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("processEngine").get("status").asText()).isEqualTo("UP");

        assertThat(api.get("/actuator/health", "admin").status()).isEqualTo(200);
        ApiClient.Reply forbidden = api.get("/actuator/health", "alice");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("title").asText()).isEqualTo("Forbidden");
        assertThat(api.get("/actuator/prometheus", "audrey").status()).isEqualTo(403);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(401);
    }

    @Test
    void prometheusCountsProcessesTasksAndPhiFindingsWithoutContent() {
        double phonesBefore = detected("PHONE");
        String text = "Questions about the flu clinic? Text me at (312) 555-0147 if you want to talk.";
        ApiClient.Reply created = api.post("/api/content", "alice", "{\"title\":\"Flu clinic hours\",\"kind\":\"education\","
                + "\"department\":\"cardiology\",\"text\":\"" + text + "\",\"platforms\":[\"x\"],"
                + "\"publishAt\":\"2039-02-01T09:00:00Z\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // The scan runs as the process starts, before the request answers.
        assertThat(detected("PHONE")).isEqualTo(phonesBefore + 1);

        operationsMetrics.refresh();
        ApiClient.Reply scrape = api.get("/actuator/prometheus", "otto");
        assertThat(scrape.status()).isEqualTo(200);
        String body = scrape.body();
        assertThat(value(body, "carepost_process_instances", "process=\"content-approval\"")).hasValueSatisfying(
                n -> assertThat(n).isGreaterThanOrEqualTo(1));
        assertThat(value(body, "carepost_tasks_open", "task=\"resolvePhi\"")).hasValueSatisfying(
                n -> assertThat(n).isGreaterThanOrEqualTo(1));
        assertThat(value(body, "carepost_tasks_oldest_age_seconds", "task=\"resolvePhi\"")).hasValueSatisfying(
                n -> assertThat(n).isGreaterThanOrEqualTo(0));
        assertThat(value(body, "carepost_phi_findings", "status=\"OPEN\"", "type=\"PHONE\"")).hasValueSatisfying(
                n -> assertThat(n).isGreaterThanOrEqualTo(1));
        assertThat(value(body, "carepost_phi_findings_detected_total", "type=\"PHONE\"")).hasValueSatisfying(
                n -> assertThat(n).isEqualTo(detected("PHONE")));
        assertThat(body).contains("jvm_memory_used_bytes")
                .doesNotContain("555-0147").doesNotContain("Flu clinic hours");
    }

    @Test
    void scrapeIsValidPrometheusTextWithEverySeriesFromTheStartAndHelpForEach() throws Exception {
        operationsMetrics.refresh();
        String body = api.get("/actuator/prometheus", "otto").body();

        // Prometheus's own parser and linter (Debian package "prometheus"; .ci/run installs it).
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try (var in = promtool.getOutputStream()) {
            in.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String verdict = new String(promtool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // Exit 1 is a parse error of the whole scrape; 3 lists lint problems, which must not name a metric of ours
        // (libraries' metrics, such as Spring Security's timers without HELP, are not ours to rename).
        assertThat(promtool.exitValue()).as(verdict).isIn(0, 3);
        assertThat(verdict).doesNotContain("error while linting");
        assertThat(verdict.lines().filter(l -> l.startsWith("carepost_"))).as(verdict).isEmpty();

        // Zero is a value: series exist before the first incident, failure or escalation.
        assertThat(value(body, "carepost_incidents", "process=\"takedown\"", "type=\"failedJob\"")).isPresent();
        assertThat(value(body, "carepost_publication_failures_total", "platform=\"linkedin\"", "kind=\"AUTHENTICATION\""))
                .isPresent();
        assertThat(value(body, "carepost_sla_escalations_total", "group=\"communications\"")).isPresent();
        // Every CarePost metric says what it is.
        assertThat(body.lines().filter(l -> l.startsWith("# HELP carepost_"))
                .filter(l -> l.split(" ", 4).length < 4 || l.split(" ", 4)[3].isBlank())).isEmpty();
    }

    private double detected(String type) {
        Counter counter = meters.find("carepost.phi.findings.detected").tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The value of the first sample of a metric whose labels include all of the given ones. */
    private static Optional<Double> value(String scrape, String metric, String... labels) {
        return scrape.lines().filter(l -> l.startsWith(metric + "{"))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst();
    }
}
