package org.carepost.publishing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A post on the sandbox "network": exactly what would have gone out. */
@Entity
@Table(name = "sandbox_post")
public class SandboxPost {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String platform;
    private String account;

    @Column(name = "idempotency_key")
    private String idempotencyKey;
    private String body;

    @Column(name = "posted_at")
    private Instant postedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected SandboxPost() {
    }

    SandboxPost(String platform, String account, String idempotencyKey, String body, Instant postedAt) {
        this.platform = platform;
        this.account = account;
        this.idempotencyKey = idempotencyKey;
        this.body = body;
        this.postedAt = postedAt;
    }

    public Long getId() { return id; }
    public String getPlatform() { return platform; }
    public String getAccount() { return account; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getBody() { return body; }
    public Instant getPostedAt() { return postedAt; }
    public Instant getDeletedAt() { return deletedAt; }

    void delete(Instant at) {
        this.deletedAt = at;
    }
}
