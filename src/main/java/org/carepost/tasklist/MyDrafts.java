package org.carepost.tasklist;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEvent;
import org.carepost.audit.AuditEvents;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.offboarding.OffboardingRecords;
import org.carepost.publishing.Publication;
import org.carepost.publishing.PublicationRecords;
import org.carepost.review.Approval;
import org.carepost.review.Decision;
import org.carepost.review.ReviewService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each of an author's drafts stands, in words: which task it waits for, that changes were asked for (with the
 * way to the task), when it goes out, where it was published (with links), or why it stopped.
 */
@Service
public class MyDrafts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String TASK_LINK = "/camunda/app/tasklist/default/#/?task=";

    private final ContentService contents;
    private final ReviewService reviews;
    private final PublicationRecords publications;
    private final AuditEvents audit;
    private final ProcessEngine engine;
    private final OffboardingRecords offboardings;

    public MyDrafts(ContentService contents, ReviewService reviews, PublicationRecords publications,
                    AuditEvents audit, ProcessEngine engine, OffboardingRecords offboardings) {
        this.offboardings = offboardings;
        this.contents = contents;
        this.reviews = reviews;
        this.publications = publications;
        this.audit = audit;
        this.engine = engine;
    }

    public record Link(String label, String url) {
    }

    public record Draft(String id, String title, String kind, String department, String created, String publishAt,
                        String status, String detail, List<Link> links, String notice) {
    }

    @Transactional(readOnly = true)
    public List<Draft> of(String author) {
        List<Draft> drafts = new ArrayList<>();
        for (ContentItem item : contents.byAuthor(author)) {
            drafts.add(draft(item, ""));
        }
        // A department head also follows the drafts of authors who left (offboarding), each with its notice.
        for (OffboardingRecords.Notice handed : offboardings.draftsHandedTo(author)) {
            drafts.add(draft(contents.get(handed.contentId()), handed.notice()));
        }
        return drafts;
    }

    private Draft draft(ContentItem item, String notice) {
        List<Link> links = new ArrayList<>();
        String status;
        String detail;
        switch (item.getStatus()) {
            case IN_REVIEW -> {
                List<Task> open = openTasks(item);
                status = "In review";
                detail = open.isEmpty() ? "Being processed." : "Waiting for: " + String.join("; ", open.stream()
                        .map(t -> t.getName() + (t.getDueDate() == null ? "" : " (due " + WHEN.format(t.getDueDate().toInstant()) + ")"))
                        .toList());
            }
            case CHANGES_REQUESTED -> {
                status = "Changes requested";
                detail = "Open \"Revise your draft\" in Tasklist.";
                openTasks(item).stream().filter(t -> "reviseDraft".equals(t.getTaskDefinitionKey()))
                        .forEach(t -> links.add(new Link("Revise your draft", TASK_LINK + t.getId())));
            }
            case APPROVED -> {
                status = "Scheduled";
                detail = "Approved; goes out on " + WHEN.format(item.getPublishAt()) + ".";
            }
            case PUBLISHED, PARTIALLY_PUBLISHED -> {
                List<Publication> done = publications.ofContent(item.getId()).stream()
                        .filter(p -> p.getStatus() == Publication.Status.PUBLISHED).toList();
                status = item.getStatus() == org.carepost.content.ContentStatus.PUBLISHED ? "Published"
                        : "Partly published (the rest is retried)";
                detail = done.isEmpty() ? "" : "On " + String.join(", ", done.stream().map(Publication::getPlatform).toList())
                        + " since " + WHEN.format(done.get(0).getPublishedAt() == null ? item.getPublishAt()
                        : done.get(0).getPublishedAt()) + ".";
                done.stream().filter(p -> p.getUrl() != null)
                        .forEach(p -> links.add(new Link("On " + p.getPlatform(), p.getUrl())));
            }
            case REJECTED -> {
                status = "Rejected";
                detail = lastRejection(item).map(a -> "By the " + a.getReview() + " review: "
                        + (a.getComment() == null ? "" : a.getComment())).orElse("Rejected in review.");
            }
            default -> {
                status = "Stopped";
                detail = whyStopped(item);
            }
        }
        return new Draft(item.getId().toString(), item.getTitle(), item.getKind().label(),
                DraftViews.departmentLabel(item.getDepartment()), WHEN.format(item.getCreatedAt()),
                item.getPublishAt() == null ? "" : WHEN.format(item.getPublishAt()), status, detail, links, notice);
    }

    /** Every open task of the draft's processes (content-approval and consent-capture share its business key). */
    private List<Task> openTasks(ContentItem item) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // The author may not read the reviewers' tasks; the author may know which step their own draft waits for.
        Command<List<Task>> query = context -> context.runWithoutAuthorization(() -> engine.getTaskService()
                .createTaskQuery().processInstanceBusinessKey(item.getId().toString()).orderByTaskCreateTime().asc()
                .list());
        return configuration.getCommandExecutorTxRequired().execute(query);
    }

    private Optional<Approval> lastRejection(ContentItem item) {
        return reviews.history(item.getId()).stream().filter(a -> Decision.REJECT.code().equals(a.getDecision()))
                .max(Comparator.comparing(Approval::getDecidedAt));
    }

    private String whyStopped(ContentItem item) {
        List<AuditEvent> events = audit.ofContent(item.getId());
        for (int i = events.size() - 1; i >= 0; i--) {
            AuditEvent e = events.get(i);
            if (AuditAction.DRAFT_STOPPED.code().equals(e.getAction())) {
                // comment: "patient authorization revoked" or "... expired"
                return "Stopped: " + e.getComment() + ". Nothing of it will be published.";
            }
            if (AuditAction.TAKEDOWN.code().equals(e.getAction())) {
                return "Taken down from the networks: the patient's authorization ended.";
            }
            if (AuditAction.CONSENT_TIMEOUT.code().equals(e.getAction())) {
                return "No valid patient authorization arrived in time.";
            }
            if (AuditAction.GATE_REFUSED.code().equals(e.getAction())) {
                return "The check right before publishing refused it: " + e.getComment();
            }
        }
        return "Withdrawn.";
    }
}
