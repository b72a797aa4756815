package org.carepost.offboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.carepost.audit.AuditAction;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStatus;
import org.carepost.review.DepartmentHeads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a leaver leaves behind: their open tasks and their unfinished drafts. Nothing is lost: every task they held
 * gets an owner or candidates again, every draft a department head who sees it in "My drafts" with a notice.
 */
@Service
public class WorkHandover {

    /** A draft that has not reached its end yet (published, rejected or withdrawn). */
    static final Set<ContentStatus> UNFINISHED = Set.of(ContentStatus.IN_REVIEW, ContentStatus.CHANGES_REQUESTED,
            ContentStatus.APPROVED);

    private final JdbcTemplate jdbc;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ContentService contents;
    private final DepartmentHeads heads;
    private final Offboardings offboardings;
    private final Clock clock;

    public WorkHandover(JdbcTemplate jdbc, TaskService tasks, RepositoryService repository, RuntimeService runtime,
                        IdentityService identity,
                        ContentService contents, DepartmentHeads heads, Offboardings offboardings, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.repository = repository;
        this.runtime = runtime;
        this.identity = identity;
        this.contents = contents;
        this.heads = heads;
        this.offboardings = offboardings;
        this.clock = clock;
    }

    /**
     * Every open task the leaver is assigned to or a candidate user of. With a named colleague, the colleague takes
     * it (assignee, or candidate user in the leaver's place). Otherwise a claimed task goes back to its candidate
     * groups or other candidates unclaimed; a task that had nobody else (an author's own "Revise your draft") goes to
     * the head of the draft's department, or failing one to whoever started the offboarding.
     *
     * @return per task id, to whom it went
     */
    @Transactional
    public Map<String, String> handOverTasks(String offboardingId) {
        String leaver = offboardings.userOf(offboardingId);
        String colleague = offboardings.colleagueOf(offboardingId);
        Map<String, String> handed = AsSystem.run(identity, () -> {
            Map<String, Task> held = new LinkedHashMap<>();
            tasks.createTaskQuery().taskAssignee(leaver).orderByTaskCreateTime().asc().list()
                    .forEach(t -> held.put(t.getId(), t));
            tasks.createTaskQuery().taskCandidateUser(leaver).includeAssignedTasks().orderByTaskCreateTime().asc().list().stream()
                    .filter(t -> candidateUsers(t.getId()).contains(leaver)).forEach(t -> held.putIfAbsent(t.getId(), t));
            Map<String, String> done = new LinkedHashMap<>();
            for (Task task : held.values()) {
                done.put(task.getId(), handOver(offboardingId, task, leaver, colleague));
            }
            return done;
        });
        offboardings.record(Offboardings.SYSTEM_ACTOR, AuditAction.TASKS_REASSIGNED, offboardingId, null, "user "
                + leaver + ": " + (handed.isEmpty() ? "no open tasks" : handed.size() + " open task(s) handed over"
                + (colleague == null ? " to their groups" : " to " + colleague)));
        return handed;
    }

    private String handOver(String offboardingId, Task task, String leaver, String colleague) {
        boolean assigned = leaver.equals(task.getAssignee());
        if (candidateUsers(task.getId()).contains(leaver)) {
            tasks.deleteCandidateUser(task.getId(), leaver);
        }
        String to;
        if (colleague != null) {
            if (assigned) {
                tasks.setAssignee(task.getId(), colleague);
            } else {
                tasks.addCandidateUser(task.getId(), colleague);
            }
            to = colleague;
        } else {
            List<String> groups = links(task.getId(), IdentityLinkType.CANDIDATE, true);
            List<String> others = candidateUsers(task.getId());
            if (!groups.isEmpty() || !others.isEmpty()) {
                if (assigned) {
                    tasks.setAssignee(task.getId(), null);
                }
                List<String> candidates = new ArrayList<>(groups.stream().map(g -> "group " + g).toList());
                candidates.addAll(others);
                to = "unclaimed: " + String.join(", ", candidates);
            } else {
                List<String> fallback = headsOfDraft(task.getProcessInstanceId(), leaver);
                if (fallback.isEmpty()) {
                    fallback = List.of(offboardings.requesterOf(offboardingId));
                }
                if (fallback.size() == 1) {
                    tasks.setAssignee(task.getId(), fallback.get(0));
                } else {
                    tasks.setAssignee(task.getId(), null);
                    fallback.forEach(head -> tasks.addCandidateUser(task.getId(), head));
                }
                to = String.join(", ", fallback);
            }
        }
        String processKey = task.getProcessDefinitionId() == null ? null
                : repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        jdbc.update("insert into offboarding_task (offboarding_id, task_id, task_name, process_key, handed_to) "
                + "values (?, ?, ?, ?, ?)", offboardingId, task.getId(), task.getName(), processKey, cut(to, 1000));
        return to;
    }

    /**
     * Every unfinished draft the leaver authored goes to the head(s) of its department: one row per head, which
     * their "My drafts" shows with a notice; a department without a head keeps a row without one, for the auditor.
     *
     * @return the drafts handed over
     */
    @Transactional
    public List<UUID> handOverDrafts(String offboardingId) {
        String leaver = offboardings.userOf(offboardingId);
        Instant now = clock.instant();
        List<UUID> handed = new ArrayList<>();
        for (ContentItem item : contents.byAuthor(leaver)) {
            if (!UNFINISHED.contains(item.getStatus())) {
                continue;
            }
            List<String> to = AsSystem.run(identity, () -> heads.of(item.getDepartment())).stream()
                    .filter(h -> !h.equals(leaver)).toList();
            for (String head : to.isEmpty() ? java.util.Collections.<String>singletonList(null) : to) {
                jdbc.update("insert into draft_handover (offboarding_id, content_id, from_user, to_user, handed_over_at) "
                        + "values (?, ?, ?, ?, ?)", offboardingId, item.getId(), leaver, head, Timestamp.from(now));
            }
            offboardings.record(Offboardings.SYSTEM_ACTOR, AuditAction.DRAFTS_HANDED_OVER, offboardingId, item.getId(),
                    "author " + leaver + " left; draft handed to " + (to.isEmpty()
                            ? "nobody: department " + item.getDepartment() + " has no head" : String.join(", ", to)));
            handed.add(item.getId());
        }
        return handed;
    }

    private List<String> headsOfDraft(String processInstanceId, String leaver) {
        if (processInstanceId == null) {
            return List.of();
        }
        var instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        String key = instance == null ? null : instance.getBusinessKey();
        UUID contentId;
        try {
            contentId = key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (contentId == null) {
            return List.of();
        }
        try {
            return heads.of(contents.get(contentId).getDepartment()).stream().filter(h -> !h.equals(leaver)).toList();
        } catch (RuntimeException notADraft) {
            return List.of();
        }
    }

    private List<String> candidateUsers(String taskId) {
        return links(taskId, IdentityLinkType.CANDIDATE, false);
    }

    private List<String> links(String taskId, String type, boolean groups) {
        List<String> ids = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if (type.equals(link.getType())) {
                String id = groups ? link.getGroupId() : link.getUserId();
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
