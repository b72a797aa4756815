package org.carepost.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.NaturalId;

/** One immutable text of a content item, identified by the SHA-256 of its UTF-8 bytes. */
@Entity
@Immutable
@Table(name = "content_version")
public class ContentVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** With versionNo, the version's natural id (unique in the table): see {@link ContentService#currentVersion}. */
    @NaturalId
    @Column(name = "content_id")
    private UUID contentId;

    @NaturalId
    @Column(name = "version_no")
    private int versionNo;

    private String body;
    /** The title this version was written (or redacted) with; shown outside privacy, so it is scanned too. */
    private String title;
    private String sha256;
    private String author;

    @Column(name = "created_at")
    private Instant createdAt;

    protected ContentVersion() {
    }

    public ContentVersion(UUID contentId, int versionNo, String body, String author, Instant createdAt) {
        this.contentId = contentId;
        this.versionNo = versionNo;
        this.body = body;
        this.sha256 = Hashing.sha256(body);
        this.author = author;
        this.createdAt = createdAt;
    }

    /**
     * A version whose hash covers more than its text (its per-platform renderings, see
     * {@link Hashing#versionHash}).
     */
    public ContentVersion(UUID contentId, int versionNo, String body, String author, Instant createdAt, String sha256) {
        this(contentId, versionNo, body, author, createdAt);
        this.sha256 = sha256;
    }

    /** The same version with its title (a version's title is set once, when it is created). */
    public ContentVersion titled(String versionTitle) {
        if (id != null || title != null) {
            throw new IllegalStateException("a stored version's title does not change");
        }
        this.title = versionTitle;
        return this;
    }

    public UUID getContentId() { return contentId; }
    public int getVersionNo() { return versionNo; }
    public String getBody() { return body; }
    public String getTitle() { return title; }
    public String getSha256() { return sha256; }
    public String getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
}
