package org.carepost.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateJobCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateJobDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HistoryCleanupCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendJobCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendJobDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;

/**
 * Engine operations that Camunda lets anyone do who can see the object (comments, attachments) or anyone at all
 * (jobs that belong to no process, such as the history cleanup), and that CarePost reserves to the groups whose
 * role needs them. Checked for every command a user runs, whichever client sent it ({@link RoleGuardEnginePlugin});
 * the engine's own work (job executor, our services acting as the system) runs without a user and is not affected.
 * Members of the engine's admin groups (camunda-admin) may do everything, as Camunda's convention is.
 * To let a group do one of these, add it to the rule's groups.
 */
final class ReservedOperations {

    record Rule(String what, Set<String> groups, List<Class<?>> commands) {
        boolean matches(Class<?> command) {
            return commands.stream().anyMatch(c -> c.isAssignableFrom(command));
        }
    }

    /** Nobody but the admin groups. */
    private static final Set<String> ADMINS_ONLY = Set.of();

    static final List<Rule> RULES = List.of(
            // Free text and files outside our audit trail and outside the PHI scan: a decision's comment goes into
            // its form (recorded and scanned), so no role needs Camunda's comments or attachments.
            new Rule("task and process comments", ADMINS_ONLY, List.of(AddCommentCmd.class, UpdateCommentCmd.class,
                    DeleteTaskCommentCmd.class, DeleteProcessInstanceCommentCmd.class)),
            new Rule("attachments", ADMINS_ONLY, List.of(CreateAttachmentCmd.class, SaveAttachmentCmd.class,
                    DeleteAttachmentCmd.class)),
            // Operations brings a failed publication back (retries) and looks after incidents.
            new Rule("job retries", Set.of("operations"), List.of(SetJobRetriesCmd.class,
                    AbstractSetJobsRetriesBatchCmd.class)),
            new Rule("incident resolution and annotation", Set.of("operations"), List.of(ResolveIncidentCmd.class,
                    SetAnnotationForIncidentCmd.class)),
            // A refused execution still runs the engine's failure handling, which takes a retry: refused too.
            new Rule("other job changes: execute, due date, priority, suspend, delete, unlock", ADMINS_ONLY, List.of(
                    ExecuteJobsCmd.class, FailedJobListener.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class,
                    SetJobPriorityCmd.class, SuspendJobCmd.class, ActivateJobCmd.class, DeleteJobCmd.class,
                    DeleteJobsCmd.class, UnlockJobCmd.class, CreateIncidentCmd.class)),
            new Rule("job definitions", ADMINS_ONLY, List.of(SuspendJobDefinitionCmd.class,
                    ActivateJobDefinitionCmd.class, SetJobDefinitionPriorityCmd.class)),
            new Rule("history cleanup now", ADMINS_ONLY, List.of(HistoryCleanupCmd.class)));

    private ReservedOperations() {
    }

    static Optional<Rule> rule(Class<?> command) {
        return RULES.stream().filter(r -> r.matches(command)).findFirst();
    }
}
