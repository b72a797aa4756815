package org.carepost.review;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** The heads of a department: members of both {@code dept-heads} and {@code dept-<department>}. */
public class DepartmentHeads {

    public static final String HEADS_GROUP = "dept-heads";

    private final IdentityService identityService;

    public DepartmentHeads(IdentityService identityService) {
        this.identityService = identityService;
    }

    /**
     * The routed sign-off departments (process variable {@code signoffDepartments}, comma-separated) as the
     * collection of the multi-instance sign-off: one task per department.
     */
    public List<String> departments(String routed) {
        return routed == null || routed.isBlank() ? List.of()
                : java.util.Arrays.stream(routed.split(",")).map(String::strip).filter(d -> !d.isEmpty()).toList();
    }

    /** Used by the BPMN as the sign-off task's candidate users. */
    public List<String> of(String department) {
        List<String> members = identityService.createUserQuery().memberOfGroup("dept-" + department).list()
                .stream().map(User::getId).toList();
        return identityService.createUserQuery().memberOfGroup(HEADS_GROUP).list().stream()
                .map(User::getId).filter(members::contains).sorted().toList();
    }
}
