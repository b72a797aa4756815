package org.carepost.auditor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.carepost.audit.AuditRecord;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.carepost.review.Approval;
import org.carepost.review.ReviewService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A draft's trail in people's words: our audit events ("Pat Kim (privacy officer) approved the privacy review") and
 * the engine's history of every process that carried the draft ("Carl Jensen claimed 'Sign off for Cardiology'").
 * People and groups are named by the identity service, steps by the models (the task's name), decisions by our
 * records (approvals, audit events). Values of variables are never shown: they may be free text.
 */
@Service
public class TrailWording {

    /** Camunda operations whose effect the task and identity-link lines already tell. */
    private static final Set<String> TOLD_ELSEWHERE = Set.of("Claim", "Assign", "Complete", "AddIdentityLink",
            "DeleteIdentityLink", "Create", "AddGroupIdentityLink", "DeleteGroupIdentityLink",
            "AddUserIdentityLink", "DeleteUserIdentityLink");
    private static final Duration AT_CREATION = Duration.ofSeconds(2);

    private final ContentService contents;
    private final ReviewService reviews;
    private final HistoryService history;
    private final PeopleNames people;

    public TrailWording(ContentService contents, ReviewService reviews, HistoryService history, PeopleNames people) {
        this.contents = contents;
        this.reviews = reviews;
        this.history = history;
        this.people = people;
    }

    /**
     * One line of the trail. {@code source}: "carepost" (our chain; {@code seq} set) or "camunda" (the engine's
     * history).
     */
    public record TrailLine(Instant at, String who, String sentence, String source, Long seq) {
    }

    /** The whole trail of a draft, oldest first; {@code processInstanceId} is the one our record names (or null). */
    @Transactional(readOnly = true)
    public List<TrailLine> of(UUID contentId, List<AuditRecord> events, String processInstanceId) {
        Function<String, String> users = people.users();
        Function<String, String> groups = people.groups();
        Map<String, Integer> versions = new HashMap<>();
        for (ContentVersion version : contents.versions(contentId)) {
            versions.put(version.getSha256(), version.getVersionNo());
        }
        Map<String, String[]> approvals = new HashMap<>();
        for (Approval approval : reviews.history(contentId)) {
            if (approval.getTaskId() != null) {
                approvals.put(approval.getTaskId(), new String[] {approval.getReview(), approval.getDepartment()});
            }
        }
        List<TrailLine> lines = new ArrayList<>();
        Set<String> decidedTasks = new HashSet<>();
        for (AuditRecord e : events) {
            if (e.taskId() != null) {
                decidedTasks.add(e.taskId());
            }
            String who = users.apply(e.actor());
            lines.add(new TrailLine(e.occurredAt(), who, ours(e, who, versions, approvals), "carepost", e.seq()));
        }
        Set<String> processes = new LinkedHashSet<>();
        if (processInstanceId != null) {
            processes.add(processInstanceId);
        }
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(contentId.toString())
                .orderByProcessInstanceStartTime().asc().list().forEach(p -> processes.add(p.getId()));
        for (String pid : processes) {
            engine(pid, users, groups, decidedTasks, lines);
        }
        lines.sort(Comparator.comparing(TrailLine::at).thenComparing(TrailLine::source, Comparator.reverseOrder())
                .thenComparing(l -> l.seq() == null ? Long.MAX_VALUE : l.seq()));
        return lines;
    }

    /** Our audit event as a sentence whose subject is {@code who}. */
    static String ours(AuditRecord e, String who, Map<String, Integer> versions, Map<String, String[]> approvals) {
        String version = versions.containsKey(e.versionHash()) ? "version " + versions.get(e.versionHash()) : "the draft";
        String comment = e.comment() == null || e.comment().isBlank() ? "" : ": \u201C" + e.comment().strip() + "\u201D";
        String decision = e.decision() == null ? "" : e.decision();
        return switch (e.action()) {
            case "submit" -> who + " submitted the draft (" + version + ")";
            case "revise" -> who + " submitted " + version;
            case "review" -> {
                String[] approval = e.taskId() == null ? null : approvals.get(e.taskId());
                String review = "the " + (approval == null ? "" : approval[0] + " ") + "review";
                yield who + " " + switch (decision) {
                    case "approve" -> "approved " + review + " (" + version + ")";
                    case "changes" -> "asked for changes in " + review + " (" + version + ")";
                    case "reject" -> "rejected the draft in " + review + " (" + version + ")";
                    default -> "decided '" + decision + "' in " + review;
                } + comment;
            }
            case "signoff" -> {
                String[] approval = e.taskId() == null ? null : approvals.get(e.taskId());
                String department = approval == null || approval[1] == null ? "the department"
                        : AuditItemList.departmentLabel(approval[1]);
                yield who + " " + switch (decision) {
                    case "approve" -> "signed off " + version + " for " + department;
                    case "changes" -> "asked for changes at the sign-off for " + department;
                    case "reject" -> "rejected the draft at the sign-off for " + department;
                    default -> "decided '" + decision + "' at the sign-off for " + department;
                } + comment;
            }
            case "route" -> who + " routed " + version + " to its reviews (" + nullToEmpty(e.comment()) + ")";
            case "escalate" -> who + " escalated a late review (" + nullToEmpty(e.comment()) + ")";
            case "approve" -> who + " froze " + version + " as the approved text";
            case "reject" -> who + " marked the draft rejected";
            case "publish" -> who + switch (decision) {
                case "published" -> " published " + version + " (" + nullToEmpty(e.comment()) + ")";
                case "taken-down" -> " took the post down (" + nullToEmpty(e.comment()) + ")";
                case "takedown-failed" -> " could not take the post down (" + nullToEmpty(e.comment()) + ")";
                case "found", "not-found" -> " recorded an operator's check of a publication (" + nullToEmpty(e.comment()) + ")";
                default -> " could not publish (" + decision.replace('-', ' ') + ")" + comment;
            };
            case "gate-refused" -> who + "'s check before publishing refused " + version + comment;
            case "consent-requested" -> who + " sent the patient the authorization request letter";
            case "consent-reminder" -> who + " sent the patient a reminder letter";
            case "consent-captured" -> who + " recorded a valid patient authorization";
            case "consent-invalid" -> who + " recorded a patient authorization that is not valid" + comment;
            case "consent-timeout" -> who + " withdrew the draft: no valid patient authorization arrived in time";
            case "consent-revoked" -> who + " recorded that the patient revoked the authorization";
            case "consent-expired" -> who + " recorded that the patient's authorization expired";
            case "consent-recorded" -> who + " recorded a patient authorization";
            case "consent-document" -> who + " attached the signed authorization";
            case "draft-stopped" -> who + " stopped the draft" + comment;
            case "takedown" -> who + " took the post down after the authorization ended (" + nullToEmpty(e.comment()) + ")";
            case "redact" -> who + " redacted patient details into " + version + comment;
            case "phi-covered" -> who + " marked patient details as covered by the patient's authorization" + comment;
            case "phi-dismissed" -> who + " decided a flagged detail is not patient information" + comment;
            case "media-upload" -> who + " attached an image (metadata removed)";
            case "show-unredacted" -> who + " opened the unredacted text" + comment;
            case "start-refused" -> who + " tried to start the draft's process with a chosen key (refused)";
            case "taken-down" -> who + " withdrew the content: every post of it was taken down" + comment;
            case "user-offboarding-started" -> who + " started the offboarding of a leaving staff member" + comment;
            case "user-locked" -> who + " locked a leaving staff member's account" + comment;
            case "tasks-reassigned" -> who + " handed a leaving staff member's open tasks over" + comment;
            case "drafts-handed-over" -> who + " handed a leaving author's draft to the department head" + comment;
            case "memberships-ended" -> who + " ended a leaving staff member's group memberships" + comment;
            case "credentials-rotated" -> who + " confirmed the rotation of publishing credentials" + comment;
            case "publishing-paused" -> who + " paused publishing" + comment;
            case "publishing-resumed" -> who + " resumed publishing" + comment;
            case "publishing-pause-overdue" -> who + " reminded that a publishing pause is past its expected end" + comment;
            case "publishing-pause-cancelled" -> who + " ended a publishing pause by cancelling its process" + comment;
            case "held-posts-released" -> who + " released the posts held by a publishing pause" + comment;
            case "models-deployed" -> who + " deployed the models and forms at start-up" + comment;
            case "model-proposed" -> who + " proposed a change of the models from Camunda Modeler" + comment;
            case "model-checked" -> who + ("failed".equals(decision) ? " refused a model change in the automatic checks"
                    : " ran the automatic checks of a model change (" + (decision.isEmpty() ? "done" : decision) + ")") + comment;
            case "model-approved" -> who + " approved a model change as the second person" + comment;
            case "model-rejected" -> who + " rejected a model change" + comment;
            case "model-activated" -> who + " put an approved model change into force" + comment;
            default -> who + ": " + e.action() + (decision.isEmpty() ? "" : " " + decision) + comment;
        };
    }

    /** The engine's history of one process instance, worded, appended to {@code lines}. */
    private void engine(String pid, Function<String, String> users, Function<String, String> groups,
                        Set<String> decidedTasks, List<TrailLine> lines) {
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult();
        if (process == null) {
            return;
        }
        String processName = "\u2018" + (process.getProcessDefinitionName() != null ? process.getProcessDefinitionName()
                : process.getProcessDefinitionKey()) + "\u2019";
        if (process.getSuperProcessInstanceId() != null) {
            lines.add(new TrailLine(instant(process.getStartTime()), PeopleNames.SYSTEM, processName
                    + " started as a step of the draft's approval", "camunda", null));
        } else {
            String who = users.apply(process.getStartUserId());
            lines.add(new TrailLine(instant(process.getStartTime()), who, who + " started " + processName, "camunda", null));
        }
        if (process.getEndTime() != null) {
            lines.add(new TrailLine(instant(process.getEndTime()), PeopleNames.SYSTEM, processName + " ended"
                    + (process.getDeleteReason() == null ? "" : " (stopped: " + process.getDeleteReason() + ")"),
                    "camunda", null));
        }
        Map<String, String> taskNames = new LinkedHashMap<>();
        for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(pid)
                .orderByHistoricActivityInstanceStartTime().asc().list()) {
            String name = "\u2018" + taskName(t) + "\u2019";
            taskNames.put(t.getId(), name);
            List<HistoricIdentityLinkLog> links = history.createHistoricIdentityLinkLogQuery().taskId(t.getId())
                    .orderByTime().asc().list();
            Instant created = instant(t.getStartTime());
            List<String> offeredTo = new ArrayList<>();
            for (HistoricIdentityLinkLog link : links) {
                // Candidates added as the task opens belong to its opening (the assigner recorded then is whoever's
                // request ran the process on, not someone who chose the candidates).
                boolean atCreation = "candidate".equals(link.getType()) && "add".equals(link.getOperationType())
                        && Duration.between(created, instant(link.getTime())).abs().compareTo(AT_CREATION) <= 0;
                if (atCreation) {
                    offeredTo.add(link.getGroupId() != null ? groups.apply(link.getGroupId()) : users.apply(link.getUserId()));
                } else {
                    String who = users.apply(link.getAssignerId());
                    lines.add(new TrailLine(instant(link.getTime()), who, link(link, name, users, groups), "camunda", null));
                }
            }
            lines.add(new TrailLine(created, PeopleNames.SYSTEM, name + " opened"
                    + (offeredTo.isEmpty() ? "" : " for " + String.join(", ", offeredTo)), "camunda", null));
            if (t.getEndTime() != null) {
                if ("completed".equals(t.getDeleteReason())) {
                    if (!decidedTasks.contains(t.getId())) {
                        String who = users.apply(t.getAssignee());
                        lines.add(new TrailLine(instant(t.getEndTime()), who, who + " completed " + name, "camunda", null));
                    }
                } else {
                    lines.add(new TrailLine(instant(t.getEndTime()), PeopleNames.SYSTEM, name + " closed without a "
                            + "decision (" + ("deleted".equals(t.getDeleteReason()) ? "the process moved on"
                            : nullToEmpty(t.getDeleteReason())) + ")", "camunda", null));
                }
            }
        }
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(pid).list()) {
            String type = a.getActivityType() == null ? "" : a.getActivityType();
            if ((type.contains("Timer") || type.startsWith("boundary") || type.startsWith("intermediate"))
                    && a.getActivityName() != null) {
                lines.add(new TrailLine(instant(a.getStartTime()), PeopleNames.SYSTEM, "Process event: \u2018"
                        + a.getActivityName() + "\u2019", "camunda", null));
            }
        }
        Set<String> operations = new HashSet<>();
        for (UserOperationLogEntry op : history.createUserOperationLogQuery().processInstanceId(pid).list()) {
            if (TOLD_ELSEWHERE.contains(op.getOperationType()) || !operations.add(op.getOperationId())) {
                continue;
            }
            String who = users.apply(op.getUserId());
            String task = op.getTaskId() == null ? null : taskNames.getOrDefault(op.getTaskId(), "a task");
            lines.add(new TrailLine(instant(op.getTimestamp()), who, operation(op.getOperationType(), who, task,
                    processName), "camunda", null));
        }
    }

    /** A task's name as the model gives it; a department's sign-off names the department. */
    private String taskName(HistoricTaskInstance t) {
        if ("departmentSignoff".equals(t.getTaskDefinitionKey()) && t.getExecutionId() != null) {
            List<HistoricVariableInstance> department = history.createHistoricVariableInstanceQuery()
                    .executionIdIn(t.getExecutionId()).variableName("signoffDepartment").list();
            if (!department.isEmpty() && department.get(0).getValue() instanceof String code) {
                return "Sign off for " + AuditItemList.departmentLabel(code);
            }
        }
        return t.getName() != null ? t.getName() : t.getTaskDefinitionKey();
    }

    private static String link(HistoricIdentityLinkLog link, String task, Function<String, String> users,
                               Function<String, String> groups) {
        String who = users.apply(link.getAssignerId());
        String whom = link.getGroupId() != null ? groups.apply(link.getGroupId()) : users.apply(link.getUserId());
        boolean self = link.getAssignerId() != null && link.getAssignerId().equals(link.getUserId());
        boolean add = "add".equals(link.getOperationType());
        return switch (link.getType() == null ? "" : link.getType()) {
            case "assignee" -> add
                    ? (self ? who + " claimed " + task : link.getAssignerId() == null ? task + " was assigned to " + whom
                            : who + " assigned " + task + " to " + whom)
                    : (self ? who + " gave back " + task + " (unclaimed)" : who + " took " + task + " away from " + whom);
            case "owner" -> add ? who + " made " + whom + " owner of " + task : who + " removed " + whom + " as owner of " + task;
            case "candidate" -> add ? who + " offered " + task + " to " + whom : who + " withdrew " + task + " from " + whom;
            default -> who + (add ? " linked " : " unlinked ") + whom + " to " + task + " (" + link.getType() + ")";
        };
    }

    private static String operation(String type, String who, String task, String process) {
        return who + " " + switch (type) {
            case "SetVariable", "SetVariables", "ModifyVariable", "RemoveVariable", "RemoveVariables" ->
                    task != null ? "saved the form of " + task + " without completing it" : "changed the data of " + process;
            case "Delegate" -> "delegated " + task;
            case "Resolve" -> "handed " + task + " back to its owner";
            case "SetOwner" -> "changed the owner of " + task;
            case "SetPriority" -> "changed the priority of " + task;
            case "Update" -> "changed " + (task != null ? task : process) + " (name, due date or description)";
            case "Delete" -> task != null ? "deleted " + task : "cancelled " + process;
            case "Suspend", "SuspendJob" -> "suspended " + process;
            case "Activate", "ActivateJob" -> "resumed " + process;
            case "ModifyProcessInstance" -> "moved " + process + " to another step";
            case "SetJobRetries", "SetExternalTaskRetries" -> "retried a failed step of " + process;
            case "Migrate" -> "migrated " + process + " to another version of its model";
            case "SetRemovalTime" -> "changed when the history of " + process + " is removed";
            default -> "performed '" + type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + "' on "
                    + (task != null ? task : process);
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Instant instant(Date date) {
        return date == null ? Instant.EPOCH : date.toInstant();
    }
}
