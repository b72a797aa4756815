package org.carepost.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** The users the process tests act as, created once per in-memory engine. */
final class TestUsers {

    private static final Map<String, List<String>> MEMBERSHIPS = Map.of(
            "alice", List.of("authors", "dept-cardiology"),
            "carl", List.of("dept-heads", "dept-cardiology"),
            "olga", List.of("dept-heads", "dept-oncology"),
            "pat", List.of("privacy"),
            "lee", List.of("legal"),
            "bria", List.of("brand"));

    private TestUsers() {
    }

    static void ensure(IdentityService identity) {
        if (identity.createUserQuery().userId("carl").count() > 0) {
            return;
        }
        MEMBERSHIPS.values().stream().flatMap(List::stream).distinct().forEach(id -> {
            Group group = identity.newGroup(id);
            identity.saveGroup(group);
        });
        MEMBERSHIPS.forEach((id, groups) -> {
            User user = identity.newUser(id);
            identity.saveUser(user);
            groups.forEach(g -> identity.createMembership(id, g));
        });
    }
}
