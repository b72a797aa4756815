package org.carepost.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.carepost.ApiClient;
import org.springframework.jdbc.core.JdbcTemplate;

/** Staff who leave, for the full-application tests (the database keeps earlier runs' users and locks). */
public final class OffboardingFixtures {

    private OffboardingFixtures() {
    }

    /**
     * A staff member (password = id, as the demo users) in these groups; if an earlier run left them, they are
     * created afresh and their lock and any unfinished offboarding of theirs are cleared.
     */
    public static void staff(IdentityService identity, JdbcTemplate jdbc, String id, String first, String last,
                             String... groups) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            identity.deleteUser(id);
        }
        jdbc.update("delete from account_lock where user_id = ?", id);
        jdbc.update("update offboarding set completed_at = now() where user_id = ? and completed_at is null", id);
        User user = identity.newUser(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setPassword(id);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
    }

    /**
     * otto offboards this manager of publishing accounts today; returns the offboarding's process instance id once
     * its brand checklist is open.
     */
    public static String checklistOpenFor(ApiClient api, TaskService tasks, String leaver) {
        ApiClient.Reply started = api.post("/engine-rest/process-definition/key/offboard-user/submit-form", "otto",
                "{\"variables\":{\"userId\":{\"value\":\"" + leaver + "\"},\"leavingDate\":{\"value\":\""
                        + LocalDate.now(ZoneOffset.UTC) + "\"}}}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String offboarding = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(offboarding)
                .taskDefinitionKey("rotateCredentials").count() == 1);
        return offboarding;
    }
}
