package org.carepost.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** The users the process tests act as, created once per in-memory engine. */
public final class TestUsers {

    private static final Map<String, List<String>> MEMBERSHIPS = Map.of(
            "alice", List.of("authors", "dept-cardiology"),
            "carl", List.of("dept-heads", "dept-cardiology"),
            "olga", List.of("dept-heads", "dept-oncology"),
            "pat", List.of("privacy"),
            "lee", List.of("legal"),
            "bria", List.of("brand"),
            "mia", List.of("medical"),
            "cole", List.of("communications"));

    private TestUsers() {
    }

    public static void ensure(IdentityService identity) {
        MEMBERSHIPS.values().stream().flatMap(List::stream).distinct().forEach(id -> {
            if (identity.createGroupQuery().groupId(id).count() == 0) {
                identity.saveGroup(identity.newGroup(id));
            }
        });
        MEMBERSHIPS.forEach((id, groups) -> {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                identity.saveUser(user);
                groups.forEach(g -> identity.createMembership(id, g));
            }
        });
    }
}
