package org.carepost.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.WebappSession;
import org.carepost.audit.AuditAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A staff member with claimed tasks and drafts in review is offboarded from Tasklist's REST: nothing is lost (every
 * task has an owner or candidates, the department head sees the drafts with a notice), the memberships are recorded
 * and gone, the user can no longer log in anywhere and their open webapps session ends; the brand team's checklist
 * records who rotated what; the auditor's page shows it all. Only operations and administrators may start it.
 */
@PostgresApplicationTest
class OffboardingPostgresTest {

    /** Manages facebook/default and linkedin/default (application-itest.yml): a fixed id, reset at each run. */
    private static final String LENA = "lena";
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aLeaverWithClaimedTasksAndDraftsInReviewIsOffboardedAndNothingIsLost() {
        staff(LENA, "Lena", "Berg (privacy and author, cardiology)", "authors", "dept-cardiology", "privacy");
        // Alice's draft in review; Lena, a privacy reviewer, claimed its privacy review.
        String alicesProcess = draft("alice", "[\"facebook\"]");
        String claimed = taskOf(alicesProcess, "privacyReview");
        assertThat(api.post("/engine-rest/task/" + claimed + "/claim", LENA, "{\"userId\":\"" + LENA + "\"}").status())
                .isEqualTo(204);
        // Lena's own drafts: one in review, one the brand team sent back to her for changes.
        String inReview = draft(LENA, "[\"facebook\"]");
        String sentBack = draft(LENA, "[\"linkedin\"]");
        completeAs("lee", taskOf(sentBack, "legalReview"), "approve", "");
        completeAs("bria", taskOf(sentBack, "brandReview"), "changes", "Say where the lobby is.");
        String revise = taskOf(sentBack, "reviseDraft");
        assertThat(tasks.createTaskQuery().taskId(revise).singleResult().getAssignee()).isEqualTo(LENA);
        // Lena is logged in to Tasklist when she is offboarded.
        WebappSession lenasBrowser = new WebappSession(port);
        assertThat(lenasBrowser.login(LENA).status()).isEqualTo(200);
        assertThat(lenasBrowser.get("/app/my-drafts", "text/html").status()).isEqualTo(200);

        String offboarding = start("otto", LENA, LocalDate.now(ZoneOffset.UTC), null);
        await().atMost(Duration.ofSeconds(60)).until(() -> waitingForChecklist(offboarding));

        // She can log in nowhere, and her open session ends on its next request.
        assertThat(api.get("/api/calendar", LENA).status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/task", LENA).status()).isEqualTo(401);
        assertThat(api.get("/audit/offboarding", LENA).status()).isEqualTo(401);
        assertThat(new WebappSession(port).login(LENA).status()).isEqualTo(401);
        assertThat(lenasBrowser.get(WebappSession.ENGINE_API + "/task").status()).isEqualTo(401);
        assertThat(lenasBrowser.get("/app/my-drafts", "application/json").status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from account_lock where user_id = ?", Integer.class, LENA))
                .isEqualTo(1);

        // Nothing is lost: every open task of these drafts has an owner or candidates; hers went back or on.
        for (String process : List.of(alicesProcess, inReview, sentBack)) {
            for (Task task : tasks.createTaskQuery().processInstanceId(process).list()) {
                assertThat(task.getAssignee()).as(task.getName()).isNotEqualTo(LENA);
                assertThat(task.getAssignee() != null || !candidates(task.getId()).isEmpty())
                        .as(task.getName() + " has an owner or candidates").isTrue();
                assertThat(candidates(task.getId())).doesNotContain("user " + LENA);
            }
        }
        Task backToPrivacy = tasks.createTaskQuery().taskId(claimed).singleResult();
        assertThat(backToPrivacy.getAssignee()).as("the claimed review goes back to its group, unclaimed").isNull();
        assertThat(candidates(claimed)).contains("group privacy");
        assertThat(tasks.createTaskQuery().taskId(revise).singleResult().getAssignee())
                .as("her own Revise task goes to the head of cardiology").isEqualTo("carl");

        // Her drafts are on the head of cardiology's list, with the notice; not on the head of oncology's.
        String carls = api.get("/app/my-drafts", "carl").body();
        assertThat(carls).contains("Handed over to you: Lena Berg (privacy and author, cardiology) (lena) left on");
        assertThat(jdbc.queryForList("select to_user from draft_handover where offboarding_id = ?", String.class,
                offboarding)).containsOnly("carl").hasSizeGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForList("select content_id::text from draft_handover where offboarding_id = ?",
                String.class, offboarding)).contains(contentOf(inReview), contentOf(sentBack));
        assertThat(api.get("/app/my-drafts", "olga").body()).doesNotContain("Lena Berg");

        // Her memberships are recorded, then gone.
        assertThat(identity.createGroupQuery().groupMember(LENA).count()).isZero();
        assertThat(jdbc.queryForList("select group_id from offboarding_membership where offboarding_id = ? "
                + "order by group_id", String.class, offboarding)).containsExactly("authors", "dept-cardiology", "privacy");

        // The brand team ticks each account she managed; an incomplete checklist is refused with a sentence.
        String checklist = tasks.createTaskQuery().processInstanceId(offboarding).singleResult().getId();
        assertThat(candidates(checklist)).containsExactly("group brand");
        ApiClient.Reply partial = api.post("/engine-rest/task/" + checklist + "/submit-form", "bria",
                rotated("facebook/default"));
        assertThat(partial.status()).as(partial.body()).isEqualTo(400);
        assertThat(partial.body()).contains("1 of 2 ticked").doesNotContain("ENGINE-");
        assertThat(api.post("/engine-rest/task/" + checklist + "/submit-form", "alice",
                rotated("facebook/default", "linkedin/default")).status()).isIn(403, 404);
        ApiClient.Reply done = api.post("/engine-rest/task/" + checklist + "/submit-form", "bria",
                rotated("facebook/default", "linkedin/default"));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(jdbc.queryForList("select platform || '/' || account || ' by ' || rotated_by from credential_rotation "
                + "where offboarding_id = ? order by platform", String.class, offboarding))
                .containsExactly("facebook/default by bria", "linkedin/default by bria");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(offboarding).singleResult()
                .getEndTime()).isNotNull();

        // Audit events throughout, and the auditor's page shows them.
        assertThat(jdbc.queryForList("select action from audit_event where process_instance_id = ? order by seq",
                String.class, offboarding)).containsSubsequence(AuditAction.USER_OFFBOARDING_STARTED.code(),
                AuditAction.USER_LOCKED.code(), AuditAction.TASKS_REASSIGNED.code(),
                AuditAction.DRAFTS_HANDED_OVER.code(), AuditAction.MEMBERSHIPS_ENDED.code(),
                AuditAction.CREDENTIALS_ROTATED.code());
        ApiClient.Reply page = api.get("/audit/offboarding", "audrey");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Lena Berg", offboarding, "dept-cardiology", "Review privacy (HIPAA)",
                "unclaimed: group privacy", "facebook", "bria", "user-locked", "memberships-ended");
        assertThat(api.get("/audit", "audrey").body()).contains("href=\"/audit/offboarding\"");
    }

    @Test
    void aNamedColleagueTakesTheOpenTasksAndALaterDateWaits() {
        String leaver = "leaver-" + RUN;
        String colleague = "colleague-" + RUN;
        staff(leaver, "Lou", "Tran", "privacy");
        staff(colleague, "Cam", "Ruiz", "privacy");
        String process = draft("alice", "[\"facebook\"]");
        String claimed = taskOf(process, "privacyReview");
        assertThat(api.post("/engine-rest/task/" + claimed + "/claim", leaver, "{\"userId\":\"" + leaver + "\"}").status())
                .isEqualTo(204);

        // A later date: nothing happens before it.
        String later = start("otto", leaver, LocalDate.now(ZoneOffset.UTC).plusDays(30), colleague);
        assertThat(api.get("/api/calendar", leaver).status()).isNotEqualTo(401);
        assertThat(api.get("/engine-rest/task", leaver).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select locked_at from offboarding where id = ?", Instant.class, later)).isNull();
        // A second offboarding of the same person is refused while this one waits.
        ApiClient.Reply twice = submit("otto", leaver, LocalDate.now(ZoneOffset.UTC), null);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("under way already");
        // The date comes (the timer is made due now instead of waiting a month).
        var timer = org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getManagementService()
                .createJobQuery().processInstanceId(later).timers().singleResult();
        org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getManagementService()
                .setJobDuedate(timer.getId(), new java.util.Date());
        await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(later).finished().count() == 1);
        assertThat(tasks.createTaskQuery().taskId(claimed).singleResult().getAssignee()).isEqualTo(colleague);
        assertThat(api.get("/api/calendar", leaver).status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/task", leaver).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from credential_rotation where offboarding_id = ?",
                Integer.class, later)).as("managed no accounts: no checklist").isZero();
    }

    @Test
    void onlyOperationsAndAdministratorsOffboardAndBadRequestsAreSentencesNotErrors() {
        String somebody = "somebody-" + RUN;
        staff(somebody, "Sam", "Body", "legal");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Refused: authors do not even see the model (404), reviewers see it but may not start it (403).
        for (String user : List.of("alice", "pat", "bria", "carl", "audrey", "cora")) {
            assertThat(submit(user, somebody, today, null).status()).as(user).isIn(403, 404);
        }
        assertThat(submit("pat", somebody, today, null).status()).isEqualTo(403);
        // The webapps' REST is the same engine with the same rights.
        WebappSession alice = new WebappSession(port);
        assertThat(alice.login("alice").status()).isEqualTo(200);
        assertThat(alice.webappsSend("POST", WebappSession.ENGINE_API + "/process-definition/key/offboard-user/submit-form",
                form(somebody, today, null)).status()).isIn(403, 404);
        // Tasklist's start list shows it to operations only.
        assertThat(api.get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
                + "&latestVersion=true", "otto").body()).contains("\"key\":\"offboard-user\"");
        assertThat(api.get("/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true"
                + "&latestVersion=true", "alice").body()).doesNotContain("offboard-user");

        assertSentence(submit("otto", "otto", today, null), "you cannot offboard yourself");
        assertSentence(submit("otto", "nobody-" + RUN, today, null), "User to offboard: no user has this id.");
        assertSentence(submit("otto", somebody, null, null), "Leaving date: choose the date");
        assertSentence(submit("otto", somebody, today, somebody), "name somebody other than the person leaving");
        assertSentence(submit("otto", somebody, today, "nobody-" + RUN), "Colleague who takes over: no user has this id.");
        // The last administrator is never offboarded.
        assertSentence(submit("otto", "admin", today, null), "the last administrator");
        // Administrators may start it too (and would be refused the same way).
        assertSentence(submit("admin", "admin", today, null), "you cannot offboard yourself");
        assertThat(identity.createGroupQuery().groupMember("admin").groupId("camunda-admin").count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from offboarding where user_id = ?", Integer.class, somebody))
                .isZero();
        // The auditor's page is for auditors.
        for (String user : List.of("alice", "pat", "otto", "bria", "carl", "cora", "admin")) {
            assertThat(api.get("/audit/offboarding", user).status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("/audit/offboarding", null).status()).isEqualTo(401);
    }

    private void assertSentence(ApiClient.Reply reply, String sentence) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains(sentence).doesNotContain("ENGINE-");
    }

    private void staff(String id, String first, String last, String... groups) {
        OffboardingFixtures.staff(identity, jdbc, id, first, last, groups);
    }

    private String draft(String author, String platforms) {
        ApiClient.Reply created = api.post("/api/content", author, "{\"title\":\"Heart month\",\"kind\":"
                + "\"education\",\"department\":\"cardiology\",\"text\":\"Free blood-pressure checks in the lobby.\","
                + "\"platforms\":" + platforms + ",\"publishAt\":\"" + Instant.now().plus(Duration.ofDays(10)) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("processInstanceId").asText();
    }

    private String contentOf(String processInstanceId) {
        return org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getRuntimeService()
                .createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getBusinessKey();
    }

    /** The task once the process reaches it (the PHI scan before the reviews runs as a job). */
    private String taskOf(String processInstanceId, String key) {
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(key).count() == 1);
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult().getId();
    }

    private void completeAs(String user, String taskId, String decision, String comment) {
        ApiClient.Reply reply = api.post("/engine-rest/task/" + taskId + "/complete", user, "{\"variables\":{\"decision\":"
                + "{\"value\":\"" + decision + "\"},\"comment\":{\"value\":\"" + comment + "\"}}}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }

    private List<String> candidates(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(OffboardingPostgresTest::shown).toList();
    }

    private static String shown(IdentityLink link) {
        return link.getGroupId() != null ? "group " + link.getGroupId() : "user " + link.getUserId();
    }

    private String start(String requester, String leaver, LocalDate date, String colleague) {
        ApiClient.Reply started = submit(requester, leaver, date, colleague);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started.json().get("id").asText();
    }

    private ApiClient.Reply submit(String requester, String leaver, LocalDate date, String colleague) {
        return api.post("/engine-rest/process-definition/key/offboard-user/submit-form", requester,
                form(leaver, date, colleague));
    }

    private static String form(String leaver, LocalDate date, String colleague) {
        return "{\"variables\":{\"userId\":{\"value\":\"" + leaver + "\"}"
                + (date == null ? "" : ",\"leavingDate\":{\"value\":\"" + date + "\"}")
                + (colleague == null ? "" : ",\"colleague\":{\"value\":\"" + colleague + "\"}") + "}}";
    }

    private static String rotated(String... accounts) {
        String list = String.join(",", java.util.Arrays.stream(accounts).map(a -> "\\\"" + a + "\\\"").toList());
        return "{\"variables\":{\"rotated\":{\"value\":\"[" + list + "]\",\"type\":\"Json\"}}}";
    }

    private boolean waitingForChecklist(String offboarding) {
        return tasks.createTaskQuery().processInstanceId(offboarding).taskDefinitionKey("rotateCredentials").count() == 1;
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> none() {
        return Map.of();
    }
}
