package org.carepost.auditor;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People and groups as the identity service names them ("Pat Kim (privacy officer)", "Privacy / HIPAA reviewers"),
 * for the auditor's pages. CarePost's own steps are "CarePost"; an id the identity service does not know (a user
 * deleted since) stays as it was recorded. A lookup remembers what it read, so a page asks once per person.
 */
@Component
public class PeopleNames {

    public static final String SYSTEM = "CarePost";

    private final IdentityService identity;

    public PeopleNames(IdentityService identity) {
        this.identity = identity;
    }

    /** A user id to the person's name, for one page. */
    public Function<String, String> users() {
        Map<String, String> known = new HashMap<>();
        return id -> {
            if (id == null || id.isBlank()) {
                return SYSTEM;
            }
            if ("carepost".equals(id) || "system".equals(id)) {
                return SYSTEM;
            }
            return known.computeIfAbsent(id, this::userName);
        };
    }

    /** A group id to the group's name, for one page. */
    public Function<String, String> groups() {
        Map<String, String> known = new HashMap<>();
        return id -> id == null ? "" : known.computeIfAbsent(id, g -> {
            Group group = identity.createGroupQuery().groupId(g).singleResult();
            return group == null || group.getName() == null || group.getName().isBlank() ? g : group.getName();
        });
    }

    private String userName(String id) {
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            return id;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? id : name;
    }
}
