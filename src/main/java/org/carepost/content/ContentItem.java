package org.carepost.content;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A post or testimonial. Its text lives in immutable {@link ContentVersion}s. */
@Entity
@Table(name = "content_item")
public class ContentItem {

    @Id
    private UUID id;
    private String title;
    private String kind;
    private String department;
    private String author;

    @Enumerated(EnumType.STRING)
    private ContentStatus status;

    @Column(name = "publish_at")
    private Instant publishAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "current_version_no")
    private int currentVersionNo;

    @Column(name = "approved_version_no")
    private Integer approvedVersionNo;

    @Column(name = "approved_hash")
    private String approvedHash;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    /** The patient's authorization this content is published under, if any. */
    @Column(name = "consent_id")
    private UUID consentId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "content_platform", joinColumns = @JoinColumn(name = "content_id"))
    @Column(name = "platform")
    private Set<String> platforms = new LinkedHashSet<>();

    /** Other departments whose heads also sign off a cross-department post (optional). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "content_co_department", joinColumns = @JoinColumn(name = "content_id"))
    @Column(name = "department")
    private Set<String> coDepartments = new LinkedHashSet<>();

    protected ContentItem() {
    }

    public ContentItem(UUID id, String title, ContentKind kind, String department, String author,
                       Set<Platform> platforms, Instant publishAt, Instant createdAt) {
        this.id = id;
        this.title = title;
        this.kind = kind.code();
        this.department = department;
        this.author = author;
        platforms.forEach(p -> this.platforms.add(p.code()));
        this.publishAt = publishAt;
        this.createdAt = createdAt;
        this.status = ContentStatus.IN_REVIEW;
        this.currentVersionNo = 1;
    }

    public UUID getId() { return id; }
    public String getTitle() { return title; }
    public ContentKind getKind() { return ContentKind.fromCode(kind).orElseThrow(); }
    public String getDepartment() { return department; }
    public String getAuthor() { return author; }
    public ContentStatus getStatus() { return status; }
    public Instant getPublishAt() { return publishAt; }
    public Instant getCreatedAt() { return createdAt; }
    public int getCurrentVersionNo() { return currentVersionNo; }
    public Integer getApprovedVersionNo() { return approvedVersionNo; }
    public String getApprovedHash() { return approvedHash; }
    public String getProcessInstanceId() { return processInstanceId; }
    public UUID getConsentId() { return consentId; }

    public Set<Platform> getPlatforms() {
        Set<Platform> result = new LinkedHashSet<>();
        platforms.stream().sorted().forEach(p -> result.add(Platform.fromCode(p).orElseThrow()));
        return result;
    }

    public java.util.List<String> getCoDepartments() {
        return coDepartments.stream().sorted().toList();
    }

    void coDepartments(java.util.Collection<String> departments) {
        this.coDepartments.addAll(departments);
    }

    void linkConsent(UUID consentId) {
        this.consentId = consentId;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void newVersion(int versionNo) {
        this.currentVersionNo = versionNo;
        this.status = ContentStatus.IN_REVIEW;
        this.approvedVersionNo = null;
        this.approvedHash = null;
    }

    /** The current version's title (after a redaction of PHI in it). */
    void retitle(String newTitle) {
        this.title = newTitle;
    }

    void changesRequested() {
        this.status = ContentStatus.CHANGES_REQUESTED;
    }

    void approve(int versionNo, String hash) {
        this.approvedVersionNo = versionNo;
        this.approvedHash = hash;
        this.status = ContentStatus.APPROVED;
    }

    void reject() {
        this.status = ContentStatus.REJECTED;
    }

    void withdraw() {
        this.status = ContentStatus.WITHDRAWN;
    }

    void published() {
        this.status = ContentStatus.PUBLISHED;
    }

    void partiallyPublished() {
        this.status = ContentStatus.PARTIALLY_PUBLISHED;
    }
}
