package org.carepost.auditor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEvents;
import org.carepost.audit.AuditRecord;
import org.springframework.stereotype.Service;

/**
 * The versions of the models as the audit trail tells them: each start-up deployment (one or more MODELS_DEPLOYED
 * events) and each proposal from Camunda Modeler (MODEL_PROPOSED, MODEL_CHECKED, MODEL_APPROVED or MODEL_REJECTED,
 * MODEL_ACTIVATED), grouped by the events' process-instance field, which holds the engine deployment id of the
 * start-up deployment or of the proposal. Only the trail is read: what it does not say is not shown.
 */
@Service
public class ModelVersions {

    static final List<AuditAction> ACTIONS = List.of(AuditAction.MODELS_DEPLOYED, AuditAction.MODEL_PROPOSED,
            AuditAction.MODEL_CHECKED, AuditAction.MODEL_APPROVED, AuditAction.MODEL_REJECTED, AuditAction.MODEL_ACTIVATED);
    /** "content-approval.bpmn sha256 0a1b..." within a comment; names end at ";" or at the comment's head ": ". */
    private static final Pattern RESOURCE = Pattern.compile("(?:^|; |: )([^;:]+?) sha256 ([0-9a-fA-F]{8,64})");
    private static final Pattern ACTIVATED_AS = Pattern.compile("^activated as deployment (\\S+?):");
    /** The automatic checks' refusal, as the model-change process records it. */
    static final String CHECKS_ACTOR = "system (automatic checks)";
    private static final int EVENTS = 5000;

    private final AuditEvents events;
    private final PeopleNames people;

    public ModelVersions(AuditEvents events, PeopleNames people) {
        this.events = events;
        this.people = people;
    }

    /** One resource of a version: its file name and SHA-256 (and the first 12 hex digits, for the eye). */
    public record Resource(String name, String sha256) {
        public String shortHash() {
            return sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
        }
    }

    /** One row of the page: a start-up deployment or a proposal, and what became of it. */
    public record Version(String deploymentId, Instant at, boolean startUp, List<Resource> resources,
                          String proposedBy, String checks, String checkFindings, String decidedBy,
                          String decisionComment, Instant decidedAt, String activatedAs, Instant activatedAt,
                          String status) {
    }

    /** Newest first. */
    public List<Version> newestFirst() {
        Map<String, List<AuditRecord>> byDeployment = new LinkedHashMap<>();
        for (AuditRecord e : events.withActions(ACTIONS, EVENTS)) {
            String key = e.processInstanceId() == null ? "seq " + e.seq() : e.processInstanceId();
            byDeployment.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        Function<String, String> users = people.users();
        List<Version> versions = new ArrayList<>();
        byDeployment.forEach((deployment, trail) -> versions.add(version(deployment, trail, users)));
        versions.sort(Comparator.comparing(Version::at).reversed());
        return versions;
    }

    static Version version(String deploymentId, List<AuditRecord> trail, Function<String, String> users) {
        Map<String, Resource> resources = new LinkedHashMap<>();
        boolean startUp = false;
        String proposedBy = null;
        String checks = null;
        String findings = null;
        String decidedBy = null;
        String decisionComment = null;
        Instant decidedAt = null;
        String activatedAs = null;
        Instant activatedAt = null;
        boolean approved = false;
        boolean rejected = false;
        boolean refusedByChecks = false;
        for (AuditRecord e : trail) {
            switch (code(e.action())) {
                case MODELS_DEPLOYED -> {
                    startUp = true;
                    resources(e.comment(), resources);
                }
                case MODEL_PROPOSED -> {
                    proposedBy = users.apply(e.actor());
                    resources(e.comment(), resources);
                }
                case MODEL_CHECKED -> {
                    // A long list of findings is split over several events of the same outcome.
                    checks = e.decision() == null ? "ran" : e.decision();
                    findings = findings == null ? e.comment() : e.comment() == null ? findings : findings + "; " + e.comment();
                    refusedByChecks |= "failed".equals(e.decision());
                }
                case MODEL_APPROVED, MODEL_REJECTED -> {
                    boolean approval = code(e.action()) == AuditAction.MODEL_APPROVED;
                    approved |= approval;
                    rejected |= !approval;
                    refusedByChecks |= !approval && CHECKS_ACTOR.equals(e.actor());
                    decidedBy = CHECKS_ACTOR.equals(e.actor()) ? "the automatic checks" : users.apply(e.actor());
                    decisionComment = e.comment();
                    decidedAt = e.occurredAt();
                }
                case MODEL_ACTIVATED -> {
                    Matcher m = ACTIVATED_AS.matcher(e.comment() == null ? "" : e.comment());
                    activatedAs = m.find() ? m.group(1) : "";
                    activatedAt = e.occurredAt();
                    if (resources.isEmpty()) {
                        resources(e.comment(), resources);
                    }
                }
                default -> {
                }
            }
        }
        String status;
        if (startUp) {
            status = "deployed at start-up";
        } else if (activatedAt != null) {
            status = "approved and in force";
        } else if (refusedByChecks) {
            status = "refused by checks";
        } else if (rejected) {
            status = "rejected";
        } else if (approved) {
            status = "approved, not yet in force";
        } else if (checks == null) {
            status = "awaiting the automatic checks";
        } else {
            status = "awaiting approval";
        }
        return new Version(deploymentId, trail.get(0).occurredAt(), startUp, List.copyOf(resources.values()), proposedBy,
                checks, findings, decidedBy, decisionComment, decidedAt, activatedAs, activatedAt, status);
    }

    private static AuditAction code(String action) {
        for (AuditAction a : ACTIONS) {
            if (a.code().equals(action)) {
                return a;
            }
        }
        return AuditAction.SUBMIT;
    }

    static void resources(String comment, Map<String, Resource> into) {
        if (comment == null) {
            return;
        }
        Matcher m = RESOURCE.matcher(comment);
        while (m.find()) {
            String name = m.group(1).strip();
            into.put(name, new Resource(name, m.group(2).toLowerCase(java.util.Locale.ROOT)));
        }
    }
}
