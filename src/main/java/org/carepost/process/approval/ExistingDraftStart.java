package org.carepost.process.approval;

import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentNotFoundException;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.carepost.process.engine.ProcessVariables;

/**
 * A content-approval instance that starts with a business key runs on an existing draft. Only our own code may do
 * that: {@link ContentWorkflow#submit} (marked with {@link #trusted}) and the engine acting without a user (the
 * revised-after-approval restart, jobs). A user's start with a business key of their choosing (submit-form's
 * {@code businessKey}, from /engine-rest, the webapps or Tasklist's start dialog) is refused with 403 and, when the
 * key names a draft, an audit event naming the user. A rejected or withdrawn draft never runs again, and the
 * variables the process relies on (author, department, publishAt) are taken from the draft, never from the start.
 */
@Component
class ExistingDraftStart {

    private static final Logger log = LoggerFactory.getLogger(ExistingDraftStart.class);
    /** The draft our own code is starting a process for on this thread (set only around that call). */
    private static final ThreadLocal<String> TRUSTED = new ThreadLocal<>();

    private final ContentService contents;
    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;

    ExistingDraftStart(ContentService contents, AuditTrail audit, PlatformTransactionManager transactions) {
        this.contents = contents;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        // The refusal rolls the start back; its audit event must stay.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs {@code start} as our own start of a process on the draft {@code contentId}. */
    static <T> T trusted(UUID contentId, Supplier<T> start) {
        String before = TRUSTED.get();
        TRUSTED.set(contentId.toString());
        try {
            return start.get();
        } finally {
            TRUSTED.set(before);
        }
    }

    void check(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Optional<ContentItem> draft = draft(businessKey);
        if (user != null && !businessKey.equals(TRUSTED.get())) {
            draft.ifPresent(item -> refused(user.getUserId(), item, execution.getProcessInstanceId()));
            log.warn("Refused a content-approval start with a chosen business key by user {}", user.getUserId());
            throw new AuthorizationException("A draft's process is started by CarePost only (POST /api/content, "
                    + "a revision by its author); a start with a business key of your choosing is refused.");
        }
        ContentItem item = draft.orElseThrow(() -> new BadUserRequestException("No draft has this business key."));
        if (item.getStatus() == ContentStatus.REJECTED || item.getStatus() == ContentStatus.WITHDRAWN) {
            throw new BadUserRequestException("A " + item.getStatus().name().toLowerCase() + " draft does not run again.");
        }
        execution.setVariable(ProcessVariables.CONTENT_ID, businessKey);
        execution.setVariable(ProcessVariables.AUTHOR, item.getAuthor());
        execution.setVariable(ProcessVariables.DEPARTMENT, item.getDepartment());
        execution.setVariable(ProcessVariables.PUBLISH_AT, Date.from(item.getPublishAt()));
    }

    private Optional<ContentItem> draft(String businessKey) {
        try {
            return Optional.of(contents.get(UUID.fromString(businessKey)));
        } catch (IllegalArgumentException | ContentNotFoundException e) {
            return Optional.empty();
        }
    }

    private void refused(String user, ContentItem item, String processInstanceId) {
        ownTransaction.executeWithoutResult(status -> audit.record(
                AuditEntry.of(user, AuditAction.START_REFUSED, item.getId(), null)
                        .withDecision("refused", "process start on an existing draft with a chosen business key")));
    }
}
