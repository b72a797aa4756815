package org.carepost.process.modelchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.modelchange.CheckFinding;
import org.carepost.modelchange.CheckReport;
import org.carepost.process.engine.AuditComments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposed model changes (table {@code model_proposal}, keyed by the proposal's engine deployment id) and their audit
 * events: proposed, checked, approved or rejected, activated. Who deployed is read from here when somebody decides,
 * so nobody approves their own change by rewriting a process variable. Every event of one proposal carries the
 * proposal's deployment id in its process-instance field (the auditor's models page reads them by it).
 */
@Service
public class ModelProposals {

    public static final String CHECKS_ACTOR = "system (automatic checks)";
    public static final List<String> REVIEWER_GROUPS = List.of("compliance", "privacy");
    static final int MAX_COMMENT = 2000;

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    public ModelProposals(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record Proposal(String deploymentId, String deployedBy, Instant proposedAt, String status,
                           String decidedBy, Instant decidedAt, String activatedAs) {
    }

    /** A proposal deployed: recorded as pending, audited with the SHA-256 of every resource. */
    @Transactional
    public void proposed(String deploymentId, String deployer, Map<String, byte[]> resources) {
        jdbc.update("insert into model_proposal (deployment_id, deployed_by, proposed_at, status) values (?, ?, ?, 'pending')",
                deploymentId, deployer, Timestamp.from(clock.instant()));
        for (String comment : AuditComments.split("", hashes(resources))) {
            record(deployer, AuditAction.MODEL_PROPOSED, "proposed", comment, deploymentId, null);
        }
    }

    /** The automatic checks' findings, one per "; " (passed findings too, so the trail shows what was checked). */
    @Transactional
    public void checked(String deploymentId, CheckReport report) {
        for (String comment : AuditComments.split("", findings(report))) {
            record(CHECKS_ACTOR, AuditAction.MODEL_CHECKED, report.passed() ? "passed" : "failed", comment,
                    deploymentId, null);
        }
    }

    /** The checks failed: the proposal is refused without a reviewer (its deployment is deleted by the caller). */
    @Transactional
    public void refusedByChecks(String deploymentId, String failedFindings) {
        jdbc.update("update model_proposal set status = 'refused', decided_by = ?, decided_at = ? where deployment_id = ? "
                + "and status = 'pending'", CHECKS_ACTOR, Timestamp.from(clock.instant()), deploymentId);
        record(CHECKS_ACTOR, AuditAction.MODEL_REJECTED, "rejected", failedFindings, deploymentId, null);
    }

    /**
     * A reviewer's decision ({@code approve} or {@code reject}) with their comment: a member of compliance or privacy
     * who did not deploy this change (403 otherwise), with a decision and a comment (400 otherwise).
     *
     * @return true if approved
     */
    @Transactional
    public boolean decide(String deploymentId, String taskId, String reviewer, Collection<String> groups,
                          String decision, String comment) {
        if (reviewer == null || groups == null || groups.stream().noneMatch(REVIEWER_GROUPS::contains)) {
            throw new ModelChangeRefused("Only compliance or privacy approve a model change.", true);
        }
        Proposal proposal = find(deploymentId).orElseThrow(() ->
                new IllegalStateException("No model proposal " + deploymentId + " is recorded."));
        if (reviewer.equals(proposal.deployedBy())) {
            throw new ModelChangeRefused("You deployed this model change; a second person of compliance or privacy "
                    + "approves it.", true);
        }
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new ModelChangeRefused("Decision: choose approve or reject.", false);
        }
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw new ModelChangeRefused("Comment: say why (it is recorded with your decision).", false);
        }
        if (text.length() > MAX_COMMENT) {
            throw new ModelChangeRefused("Comment: at most " + MAX_COMMENT + " characters.", false);
        }
        boolean approved = "approve".equals(decision);
        int updated = jdbc.update("update model_proposal set status = ?, decided_by = ?, decided_at = ? "
                + "where deployment_id = ? and status = 'pending'", approved ? "approved" : "rejected", reviewer,
                Timestamp.from(clock.instant()), deploymentId);
        if (updated == 0) {
            throw new ModelChangeRefused("This model change was decided already.", false);
        }
        record(reviewer, approved ? AuditAction.MODEL_APPROVED : AuditAction.MODEL_REJECTED,
                approved ? "approved" : "rejected", text, deploymentId, taskId);
        return approved;
    }

    /**
     * The approved models are in force as deployment {@code activatedAs}: audited with the approver (from this
     * table), the SHA-256 of every resource and how many running instances stay on older versions.
     */
    @Transactional
    public void activated(String deploymentId, String activatedAs, Map<String, byte[]> resources, long onOlderVersions) {
        Proposal proposal = find(deploymentId).filter(p -> "approved".equals(p.status())).orElseThrow(() ->
                new IllegalStateException("Model proposal " + deploymentId + " is not approved."));
        jdbc.update("update model_proposal set status = 'activated', activated_as = ? where deployment_id = ?",
                activatedAs, deploymentId);
        List<String> lines = new java.util.ArrayList<>(hashes(resources));
        lines.add(onOlderVersions + (onOlderVersions == 1 ? " running instance stays" : " running instances stay")
                + " on older versions");
        for (String comment : AuditComments.split("activated as deployment " + activatedAs + ": ", lines)) {
            record(proposal.decidedBy(), AuditAction.MODEL_ACTIVATED, "activated", comment, deploymentId, null);
        }
    }

    public Optional<Proposal> find(String deploymentId) {
        return jdbc.query("select deployment_id, deployed_by, proposed_at, status, decided_by, decided_at, activated_as "
                + "from model_proposal where deployment_id = ?", (rs, i) -> new Proposal(rs.getString(1), rs.getString(2),
                rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)), deploymentId)
                .stream().findFirst();
    }

    /** "name sha256 hex" per resource, sorted by name. */
    static List<String> hashes(Map<String, byte[]> resources) {
        return new java.util.TreeMap<>(resources).entrySet().stream()
                .map(e -> e.getKey() + " sha256 " + AuditComments.sha256(e.getValue())).toList();
    }

    static List<String> findings(CheckReport report) {
        return report.findings().stream().map(ModelProposals::finding).toList();
    }

    static String finding(CheckFinding f) {
        return (f.passed() ? "passed " : "FAILED ") + f.check() + ": " + f.detail();
    }

    private void record(String actor, AuditAction action, String decision, String comment, String deploymentId,
                        String taskId) {
        audit.record(AuditEntry.of(actor, action, null, null).withDecision(decision, comment)
                .inProcess(deploymentId, taskId));
    }
}
