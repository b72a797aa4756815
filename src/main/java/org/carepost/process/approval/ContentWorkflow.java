package org.carepost.process.approval;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carepost.consent.ConsentCoverage;
import org.carepost.content.ContentForbiddenException;
import org.carepost.content.FieldProblem;
import org.carepost.content.InvalidContentException;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStateException;
import org.carepost.content.ContentStatus;
import org.carepost.content.NewContent;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.carepost.process.engine.AsCarePost;
import org.carepost.process.engine.ProcessVariables;

/** Starts and advances content-approval for the REST API; the draft and its process commit together. */
@NamedInterface("workflow")
@Service
public class ContentWorkflow {

    public static final String REVISE_TASK = "reviseDraft";
    /** consent-capture's task: the privacy office chooses or records the patient's authorization. */
    public static final String AUTHORIZATION_TASK = "recordSignedAuthorization";
    /** Correlated when an approved, not yet published draft gets a new version. */
    public static final String CONTENT_REVISED = "ContentRevised";

    private final ContentService contents;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ConsentCoverage coverage;

    public ContentWorkflow(ContentService contents, RuntimeService runtime, TaskService tasks, IdentityService identity,
                           ConsentCoverage coverage) {
        this.contents = contents;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.coverage = coverage;
    }

    /** The open authorization task of a draft that the current user may see, if any. */
    public Optional<Task> authorizationTask(UUID contentId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(contentId.toString())
                .taskDefinitionKey(AUTHORIZATION_TASK).list().stream().findFirst();
    }

    /**
     * The privacy office's choice on the authorization page: the authorization must cover the draft (valid, document
     * on file, every platform and kept finding in its scope); it is linked to the draft and the authorization task
     * completes (as the current user: the engine checks they may work on it), in one transaction.
     */
    @Transactional
    public void useAuthorization(UUID contentId, UUID consentId) {
        Task task = authorizationTask(contentId).orElseThrow(() ->
                new ContentStateException("This post is not waiting for a patient authorization."));
        List<String> gaps = coverage.gaps(contentId, consentId);
        if (!gaps.isEmpty()) {
            throw new InvalidContentException(List.of(new FieldProblem("consentId",
                    "does not cover this post: " + String.join("; ", gaps))));
        }
        contents.linkConsent(contentId, consentId);
        tasks.complete(task.getId());
    }

    @NamedInterface("workflow")
    public record Started(UUID id, String processInstanceId) {
    }

    @Transactional
    public Started submit(NewContent draft, String author, Set<String> groups) {
        ContentItem item = contents.create(draft, author, groups);
        ProcessInstance instance = ExistingDraftStart.trusted(item.getId(), () -> runtime.createProcessInstanceByKey(
                ProcessVariables.PROCESS_KEY).processDefinitionWithoutTenantId().businessKey(item.getId().toString())
                .setVariables(Map.of(ProcessVariables.CONTENT_ID, item.getId().toString(),
                        ProcessVariables.AUTHOR, author,
                        ProcessVariables.DEPARTMENT, item.getDepartment(),
                        ProcessVariables.PUBLISH_AT, Date.from(item.getPublishAt()))).execute());
        contents.attachProcess(item.getId(), instance.getId());
        return new Started(item.getId(), instance.getId());
    }

    /**
     * Adds the revised text and completes the author's Revise task, which sends the draft back to review. An
     * approved draft not yet published may be edited too: its approval is void (the approved hash no longer
     * matches), and message {@code ContentRevised} sends the new version through review again.
     */
    @Transactional
    public int revise(UUID contentId, String text, String user) {
        ContentItem item = contents.get(contentId);
        if (!item.getAuthor().equals(user)) {
            throw new ContentForbiddenException("Only the author of a draft may revise it.");
        }
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(contentId.toString())
                .taskDefinitionKey(REVISE_TASK).list();
        if (open.isEmpty() && item.getStatus() == ContentStatus.APPROVED) {
            int versionNo = contents.addVersion(contentId, text, user).getVersionNo();
            // The author may not update process instances in the engine; the author check above is ours, so the
            // engine step runs as the system (the audit trail names the author of the new version).
            AsCarePost.run(identity, () -> {
                runtime.createMessageCorrelation(CONTENT_REVISED).processInstanceBusinessKey(contentId.toString())
                        .withoutTenantId().correlate();
                return null;
            });
            return versionNo;
        }
        if (open.isEmpty()) {
            throw new ContentStateException("This draft is not waiting for a revision (status " + item.getStatus() + ").");
        }
        int versionNo = contents.addVersion(contentId, text, user).getVersionNo();
        tasks.complete(open.get(0).getId());
        return versionNo;
    }
}
