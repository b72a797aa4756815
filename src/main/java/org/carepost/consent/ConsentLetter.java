package org.carepost.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A rendered authorization request (or reminder) letter for a content item; kept out of process variables. */
@Entity
@Table(name = "consent_letter")
public class ConsentLetter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "content_id")
    private UUID contentId;
    private String kind;
    private String body;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ConsentLetter() {
    }

    ConsentLetter(UUID contentId, String kind, String body, Instant createdAt) {
        this.contentId = contentId;
        this.kind = kind;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public UUID getContentId() { return contentId; }
    public String getKind() { return kind; }
    public String getBody() { return body; }
    public Instant getCreatedAt() { return createdAt; }
}
