package org.carepost.content;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.config.CarePostProperties;
import org.hibernate.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafts and their immutable versions. Knows nothing of the process engine. */
@Service
public class ContentService {

    public static final int MAX_TEXT_BYTES = 64 * 1024;
    public static final int MAX_TITLE_CHARS = 200;

    private final ContentItemRepository items;
    private final ContentVersionRepository versions;
    private final AuditTrail audit;
    private final CarePostProperties properties;
    private final Clock clock;
    private final VersionRenderer renderer;
    private final ApplicationEventPublisher events;
    private final EntityManager entities;

    public ContentService(ContentItemRepository items, ContentVersionRepository versions, AuditTrail audit,
                          CarePostProperties properties, Clock clock, VersionRenderer renderer,
                          ApplicationEventPublisher events, EntityManager entities) {
        this.entities = entities;
        this.renderer = renderer;
        this.events = events;
        this.items = items;
        this.versions = versions;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Validates and stores a new draft with its first version. Every field is checked before anything is
     * written, so a refused draft leaves nothing behind.
     */
    @Transactional
    public ContentItem create(NewContent draft, String author, Set<String> authorGroups) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = required(draft.title(), "title", problems);
        if (title != null && title.length() > MAX_TITLE_CHARS) {
            problems.add(new FieldProblem("title", "must be at most " + MAX_TITLE_CHARS + " characters"));
        } else if (title != null && !StorableText.isStorable(title)) {
            problems.add(new FieldProblem("title", StorableText.PROBLEM));
        }
        ContentKind kind = null;
        if (required(draft.kind(), "kind", problems) != null) {
            kind = ContentKind.fromCode(draft.kind()).orElse(null);
            if (kind == null) {
                problems.add(new FieldProblem("kind", "unknown kind; one of: " + ContentKind.codes()));
            }
        }
        String department = required(draft.department(), "department", problems);
        if (department != null && !properties.departments().contains(department)) {
            problems.add(new FieldProblem("department", "unknown department; one of: "
                    + String.join(", ", properties.departments())));
            department = null;
        }
        List<String> coDepartments = coDepartments(draft.coDepartments(), department, problems);
        validateText(draft.text(), "text", problems);
        Set<Platform> platforms = platforms(draft.platforms(), problems);
        Instant publishAt = publishAt(draft.publishAt(), problems);
        UUID consentId = null;
        if (draft.consentId() != null && !draft.consentId().isBlank()) {
            try {
                consentId = UUID.fromString(draft.consentId().strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("consentId", "must be the id (UUID) of a recorded authorization"));
            }
        }
        // Rendered per target platform before review: a text too long for a platform is refused now, not at publication.
        Map<String, String> renderings = problems.isEmpty() ? renderer.render(draft.text(), platforms, problems) : Map.of();
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        if (!authorGroups.contains("dept-" + department)) {
            throw new ContentForbiddenException("You are not a member of department " + department
                    + " and cannot draft for it.");
        }
        Instant now = clock.instant();
        ContentItem item = items.save(new ContentItem(UUID.randomUUID(), title.strip(), kind, department, author,
                platforms, publishAt, now));
        item.coDepartments(coDepartments);
        if (consentId != null) {
            item.linkConsent(consentId);
        }
        ContentVersion first = versions.save(new ContentVersion(item.getId(), 1, draft.text(), author, now,
                Hashing.versionHash(draft.text(), renderings)).titled(item.getTitle()));
        renderer.store(item.getId(), 1, renderings);
        audit.record(AuditEntry.of(author, AuditAction.SUBMIT, item.getId(), first.getSha256()));
        return item;
    }

    /** Links the content to the patient's authorization it is published under (checked by the caller). */
    @Transactional
    public void linkConsent(UUID contentId, UUID consentId) {
        get(contentId).linkConsent(consentId);
    }

    /** Every content item published, or to be published, under an authorization. */
    @Transactional(readOnly = true)
    public List<ContentItem> underConsent(UUID consentId) {
        return items.findByConsentIdOrderByCreatedAt(consentId);
    }

    @Transactional
    public void attachProcess(UUID contentId, String processInstanceId) {
        get(contentId).attachProcess(processInstanceId);
    }

    /**
     * Adds a revised text. Only the author revises: when reviewers asked for changes, or after approval and before
     * publication ("edit after approval": the approval is void, the new version goes through review again).
     */
    @Transactional
    public ContentVersion addVersion(UUID contentId, String text, String user) {
        List<FieldProblem> problems = new ArrayList<>();
        validateText(text, "text", problems);
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        ContentItem item = get(contentId);
        if (!item.getAuthor().equals(user)) {
            throw new ContentForbiddenException("Only the author of a draft may revise it.");
        }
        if (item.getStatus() != ContentStatus.CHANGES_REQUESTED && item.getStatus() != ContentStatus.APPROVED) {
            throw new ContentStateException("This draft is not waiting for a revision (status " + item.getStatus() + ").");
        }
        Map<String, String> renderings = renderer.render(text, item.getPlatforms(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        int next = item.getCurrentVersionNo() + 1;
        ContentVersion version = versions.save(new ContentVersion(contentId, next, text, user, clock.instant(),
                Hashing.versionHash(text, renderings)).titled(item.getTitle()));
        renderer.store(contentId, next, renderings);
        item.newVersion(next);
        audit.record(AuditEntry.of(user, AuditAction.REVISE, contentId, version.getSha256()));
        events.publishEvent(new ContentVersionAdded(contentId, next));
        return version;
    }

    /**
     * Adds a version produced by redacting PHI (typed placeholders replace findings). The actor is the privacy
     * reviewer who redacted; {@code note} names the redacted finding ids (never their text). Only a draft in review
     * is redacted: an approved text is never changed behind its approvals.
     */
    @Transactional
    public ContentVersion addRedactedVersion(UUID contentId, String redactedText, String actor, String note) {
        return addRedactedVersion(contentId, redactedText, get(contentId).getTitle(), actor, note);
    }

    /**
     * As {@link #addRedactedVersion(UUID, String, String, String)}, with a redacted title: the item shows the new
     * title from now on (calendar, task lists); the title as first written stays in the earlier version.
     */
    @Transactional
    public ContentVersion addRedactedVersion(UUID contentId, String redactedText, String redactedTitle, String actor,
                                             String note) {
        List<FieldProblem> problems = new ArrayList<>();
        if (redactedTitle == null || redactedTitle.isBlank() || redactedTitle.length() > MAX_TITLE_CHARS) {
            problems.add(new FieldProblem("title", "must be 1 to " + MAX_TITLE_CHARS + " characters"));
        }
        validateText(redactedText, "text", problems);
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        ContentItem item = get(contentId);
        if (item.getStatus() != ContentStatus.IN_REVIEW) {
            throw new ContentStateException("Only a draft in review can be redacted (status " + item.getStatus() + ").");
        }
        int next = item.getCurrentVersionNo() + 1;
        // Rendered like any version, so reviewers and the author see it per platform. A placeholder may make a text too
        // long for a platform: the redaction stands all the same (the author rewrites it; a text with a placeholder
        // is never published).
        Map<String, String> renderings = renderer.render(redactedText, item.getPlatforms(), new ArrayList<>());
        ContentVersion version = versions.save(new ContentVersion(contentId, next, redactedText, actor, clock.instant(),
                Hashing.versionHash(redactedText, renderings)).titled(redactedTitle));
        renderer.store(contentId, next, renderings);
        item.newVersion(next);
        item.retitle(redactedTitle);
        audit.record(AuditEntry.of(actor, AuditAction.REDACT, contentId, version.getSha256())
                .withDecision("redact", note));
        events.publishEvent(new ContentVersionAdded(contentId, next));
        return version;
    }

    @Transactional(readOnly = true)
    public ContentItem get(UUID id) {
        return items.findById(id).orElseThrow(() -> new ContentNotFoundException(id));
    }

    /** The drafts a user wrote, newest first (at most 200). */
    @Transactional(readOnly = true)
    public List<ContentItem> byAuthor(String author) {
        return items.findTop200ByAuthorOrderByCreatedAtDesc(author);
    }

    /**
     * Loaded by its natural id (content, version number): the first lookup in a transaction is one select, every
     * later one is answered from the transaction's persistence context. A process step asks for the current version
     * many times (the decision listener, the draft view, routing, the review record); as a query each time it cost
     * 25 selects a post and a tenth of the CPU in ProcessThroughputBenchmark.
     */
    @Transactional(readOnly = true)
    public ContentVersion currentVersion(UUID contentId) {
        ContentItem item = get(contentId);
        return entities.unwrap(Session.class).byNaturalId(ContentVersion.class)
                .using("contentId", contentId).using("versionNo", item.getCurrentVersionNo())
                .loadOptional().orElseThrow();
    }

    /** The text of a version as it goes out on each target platform (platform code -> rendered text). */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> renderings(UUID contentId, int versionNo) {
        return renderer.renderings(contentId, versionNo);
    }

    @Transactional(readOnly = true)
    public List<ContentVersion> versions(UUID contentId) {
        return versions.findByContentIdOrderByVersionNo(contentId);
    }

    @Transactional
    public void changesRequested(UUID contentId) {
        get(contentId).changesRequested();
    }

    /** Freezes the current version as the approved one and returns its hash. */
    @Transactional
    public String freezeApproval(UUID contentId, String actor, String processInstanceId) {
        ContentItem item = get(contentId);
        ContentVersion current = currentVersion(contentId);
        item.approve(current.getVersionNo(), current.getSha256());
        audit.record(AuditEntry.of(actor, AuditAction.APPROVE, contentId, current.getSha256())
                .inProcess(processInstanceId, null));
        return current.getSha256();
    }

    @Transactional
    public void reject(UUID contentId, String actor, String processInstanceId) {
        ContentItem item = get(contentId);
        item.reject();
        audit.record(AuditEntry.of(actor, AuditAction.REJECT, contentId, currentVersion(contentId).getSha256())
                .inProcess(processInstanceId, null));
    }

    /**
     * The one way a draft is withdrawn (authorization ended or never given, gate refused, posts taken down), audited
     * as {@link #reject} is: the event says why ({@link Withdrawal}) and who ({@code actor}).
     */
    @Transactional
    public void withdraw(UUID contentId, Withdrawal reason, String actor, String processInstanceId) {
        get(contentId).withdraw();
        audit.record(AuditEntry.of(actor, reason.action(), contentId, currentVersion(contentId).getSha256())
                .withConsent(reason.consentId()).withDecision(reason.decision(), reason.comment())
                .inProcess(processInstanceId, null));
    }

    @Transactional
    public void published(UUID contentId) {
        get(contentId).published();
    }

    /** Some target platforms have the post, others not yet. */
    @Transactional
    public void partiallyPublished(UUID contentId) {
        get(contentId).partiallyPublished();
    }

    private static String required(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        return value;
    }

    private List<String> coDepartments(List<String> codes, String department, List<FieldProblem> problems) {
        if (codes == null || codes.isEmpty()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String code : codes) {
            if (code == null || !properties.departments().contains(code)) {
                problems.add(new FieldProblem("coDepartments", "unknown department; one of: "
                        + String.join(", ", properties.departments())));
                return List.of();
            }
            if (code.equals(department) || result.contains(code)) {
                problems.add(new FieldProblem("coDepartments",
                        "must list other departments than the draft's own, each once"));
                return List.of();
            }
            result.add(code);
        }
        return result;
    }

    private static void validateText(String text, String field, List<FieldProblem> problems) {
        if (required(text, field, problems) != null && text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            problems.add(new FieldProblem(field, "must be at most 64 KiB (UTF-8)"));
        } else if (text != null && !StorableText.isStorable(text)) {
            // Checked here too (not only by the API's JSON reader): the start form and the Revise form store text.
            problems.add(new FieldProblem(field, StorableText.PROBLEM));
        }
    }

    private static Set<Platform> platforms(List<String> codes, List<FieldProblem> problems) {
        Set<Platform> result = new LinkedHashSet<>();
        if (codes == null || codes.isEmpty()) {
            problems.add(new FieldProblem("platforms", "at least one platform is required"));
            return result;
        }
        for (String code : codes) {
            Platform platform = code == null ? null : Platform.fromCode(code).orElse(null);
            if (platform == null) {
                problems.add(new FieldProblem("platforms", "unknown platform; one of: " + Platform.codes()));
                return result;
            }
            result.add(platform);
        }
        return result;
    }

    private Instant publishAt(String value, List<FieldProblem> problems) {
        if (required(value, "publishAt", problems) == null) {
            return null;
        }
        try {
            // Without an offset (as a plain form field may send it) the time is read as UTC.
            Instant at = value.matches(".*([zZ]|[+-]\\d\\d:?\\d\\d)$") ? OffsetDateTime.parse(value).toInstant()
                    : java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
            if (!at.isAfter(clock.instant())) {
                problems.add(new FieldProblem("publishAt", "must be in the future"));
            }
            return at;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("publishAt", "must be an ISO-8601 date-time with offset, e.g. 2030-01-31T09:00:00Z"));
            return null;
        }
    }
}
