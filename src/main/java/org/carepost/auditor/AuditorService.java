package org.carepost.auditor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.carepost.audit.AuditCanonical;
import org.carepost.audit.AuditEvents;
import org.carepost.audit.AuditRecord;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.carepost.content.Hashing;
import org.carepost.content.Platform;
import org.carepost.content.VersionRenderer;
import org.carepost.publishing.Publication;
import org.carepost.publishing.PublicationRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What auditors read: one item's dossier (our audit events joined with Camunda's history of its process
 * instance), the list of items, and exports per period. Read-only; engine queries run as the calling user, so
 * Camunda's authorizations apply.
 */
@Service
public class AuditorService {

    private final AuditEvents auditEvents;
    private final ContentService contents;
    private final VersionRenderer renderer;
    private final PublicationRecords publications;
    private final HistoryService history;

    public AuditorService(AuditEvents auditEvents, ContentService contents, VersionRenderer renderer,
                          PublicationRecords publications, HistoryService history) {
        this.auditEvents = auditEvents;
        this.contents = contents;
        this.renderer = renderer;
        this.publications = publications;
        this.history = history;
    }

    /** One line of an item's timeline; {@code source} is "carepost" (our chain, with seq) or "camunda". */
    public record TimelineEntry(Instant at, String source, String actor, String what, String detail, Long seq,
                                String taskId) {
    }

    public record PublishedText(String platform, String account, String status, Instant publishedAt,
                                String versionHash, String publishedHash, String url, String text, String textSha256,
                                boolean matchesApproved) {
    }

    /** The item's own rows checked against their hashes and their predecessors (the full chain: verify). */
    public record ItemChainStatus(boolean ok, int events, Long brokenSeq, String problem) {
    }

    public record ItemSummary(UUID id, String title, String kind, String department, String author, String status,
                              Instant createdAt, Instant publishAt) {
    }

    public record Dossier(ItemSummary item, List<String> platforms, String processInstanceId,
                          Integer approvedVersionNo, String approvedHash, String approvedText,
                          String approvedTextSha256, boolean approvedTextMatchesHash, List<PublishedText> published,
                          List<String> consentIds, List<AuditRecord> events, List<TimelineEntry> timeline,
                          ItemChainStatus chain) {
    }

    public List<AuditRecord> events(UUID contentId) {
        return auditEvents.recordsOfContent(contentId);
    }

    @Transactional(readOnly = true)
    public Dossier dossier(UUID contentId) {
        ContentItem item = contents.get(contentId);
        List<AuditRecord> events = events(contentId);
        String approvedText = null;
        String approvedTextSha = null;
        boolean approvedMatches = false;
        java.util.Map<String, String> renderings = java.util.Map.of();
        if (item.getApprovedVersionNo() != null) {
            ContentVersion approved = contents.versions(contentId).stream()
                    .filter(v -> v.getVersionNo() == item.getApprovedVersionNo()).findFirst().orElse(null);
            if (approved != null) {
                approvedText = approved.getBody();
                approvedTextSha = Hashing.sha256(approved.getBody());
                renderings = renderings(contentId, approved.getVersionNo());
                // The frozen hash covers the text and every platform's rendering (Hashing.versionHash).
                approvedMatches = Hashing.versionHash(approved.getBody(), renderings).equals(item.getApprovedHash());
            }
        }
        List<PublishedText> published = new ArrayList<>();
        for (Publication p : publications.ofContent(contentId)) {
            String text = publications.sandboxText(p.getIdempotencyKey()).orElse(null);
            String textSha = text == null ? null : Hashing.sha256(text);
            // What this platform had to receive: its approved rendering, else the approved text.
            String expected = renderings.getOrDefault(p.getPlatform(), approvedText);
            String expectedSha = expected == null ? null : Hashing.sha256(expected);
            String sentSha = textSha != null ? textSha : p.getPublishedHash();
            boolean matches = Objects.equals(p.getVersionHash(), item.getApprovedHash()) && expectedSha != null
                    && expectedSha.equals(sentSha) && expectedSha.equals(p.getPublishedHash());
            published.add(new PublishedText(p.getPlatform(), p.getAccount(), p.getStatus().name(), p.getPublishedAt(),
                    p.getVersionHash(), p.getPublishedHash(), p.getUrl(), text, textSha, matches));
        }
        // The authorization the item relies on (its consent), and any other recorded on its events.
        java.util.LinkedHashSet<String> consentSet = new java.util.LinkedHashSet<>();
        if (item.getConsentId() != null) {
            consentSet.add(item.getConsentId().toString());
        }
        events.stream().map(AuditRecord::consentId).filter(Objects::nonNull).forEach(consentSet::add);
        List<String> consents = List.copyOf(consentSet);
        return new Dossier(summary(item), item.getPlatforms().stream().map(Platform::code).sorted().toList(),
                item.getProcessInstanceId(), item.getApprovedVersionNo(), item.getApprovedHash(), approvedText,
                approvedTextSha, approvedMatches, published,
                consents, events, timeline(events, item.getProcessInstanceId()), itemChain(events));
    }

    /** Our events and the engine's history of the process instance, in time order. */
    List<TimelineEntry> timeline(List<AuditRecord> events, String processInstanceId) {
        List<TimelineEntry> timeline = new ArrayList<>();
        for (AuditRecord e : events) {
            String detail = e.decision() == null ? "" : "decision " + e.decision();
            if (e.comment() != null && !e.comment().isBlank()) {
                detail += (detail.isEmpty() ? "" : ": ") + e.comment();
            }
            timeline.add(new TimelineEntry(e.occurredAt(), "carepost", e.actor(), e.action(), detail, e.seq(), e.taskId()));
        }
        if (processInstanceId != null) {
            List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                    .processInstanceId(processInstanceId).list();
            for (HistoricTaskInstance t : tasks) {
                timeline.add(new TimelineEntry(instant(t.getStartTime()), "camunda", null, "task created",
                        t.getName() + " (" + t.getTaskDefinitionKey() + ")", null, t.getId()));
                if (t.getEndTime() != null) {
                    String what = "completed".equals(t.getDeleteReason()) ? "task completed" : "task ended";
                    timeline.add(new TimelineEntry(instant(t.getEndTime()), "camunda", t.getAssignee(), what,
                            t.getName() + (t.getDeleteReason() == null ? "" : " [" + t.getDeleteReason() + "]"), null, t.getId()));
                }
                for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(t.getId()).list()) {
                    String who = link.getUserId() != null ? "user " + link.getUserId() : "group " + link.getGroupId();
                    timeline.add(new TimelineEntry(instant(link.getTime()), "camunda", link.getAssignerId(),
                            "identity link " + link.getOperationType(), link.getType() + ": " + who + " on " + t.getName(),
                            null, t.getId()));
                }
            }
            for (UserOperationLogEntry op : history.createUserOperationLogQuery().processInstanceId(processInstanceId).list()) {
                // Values are left out on purpose: a variable's value may be free text.
                timeline.add(new TimelineEntry(instant(op.getTimestamp()), "camunda", op.getUserId(),
                        "operation " + op.getOperationType(), op.getEntityType()
                        + (op.getProperty() == null ? "" : " " + op.getProperty()), null, op.getTaskId()));
            }
        }
        timeline.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::source,
                Comparator.reverseOrder()).thenComparing(e -> e.seq() == null ? Long.MAX_VALUE : e.seq()));
        return timeline;
    }

    /** Checks the item's rows: own hash, and link to the row before each of them in the chain. */
    ItemChainStatus itemChain(List<AuditRecord> events) {
        for (AuditRecord e : events) {
            if (!AuditCanonical.hash(e).equals(e.hash())) {
                return new ItemChainStatus(false, events.size(), e.seq(), "hash mismatch");
            }
            String expected = e.seq() == 1 ? AuditCanonical.GENESIS : auditEvents.hashAt(e.seq() - 1).orElse(null);
            if (expected == null) {
                return new ItemChainStatus(false, events.size(), e.seq() - 1, "gap");
            }
            if (!expected.equals(e.prevHash())) {
                return new ItemChainStatus(false, events.size(), e.seq(), "prev-hash mismatch");
            }
        }
        return new ItemChainStatus(true, events.size(), null, null);
    }

    /** Every event with {@code from <= occurredAt < to}, in seq order, streamed page by page (keyset). */
    public void export(Instant from, Instant to, Consumer<AuditRecord> sink) {
        long after = 0;
        while (true) {
            List<AuditRecord> page = auditEvents.page(from, to, after, 1000);
            page.forEach(sink);
            if (page.size() < 1000) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    private java.util.Map<String, String> renderings(UUID contentId, int versionNo) {
        return new java.util.TreeMap<>(renderer.renderings(contentId, versionNo));
    }

    private static ItemSummary summary(ContentItem i) {
        return new ItemSummary(i.getId(), i.getTitle(), i.getKind().code(), i.getDepartment(), i.getAuthor(),
                i.getStatus().name(), i.getCreatedAt(), i.getPublishAt());
    }

    private static Instant instant(Date date) {
        return date == null ? Instant.EPOCH : date.toInstant();
    }
}
