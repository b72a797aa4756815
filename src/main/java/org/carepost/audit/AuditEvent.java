package org.carepost.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One decision or fact, appended and never changed (read side; rows are written by {@link DatabaseAuditAdapter}). */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String actor;
    private String action;

    @Column(name = "content_id")
    private UUID contentId;

    @Column(name = "version_hash")
    private String versionHash;

    @Column(name = "consent_id")
    private String consentId;
    private String decision;
    private String comment;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "task_id")
    private String taskId;

    private Long seq;

    @Column(name = "prev_hash")
    private String prevHash;

    private String hash;

    protected AuditEvent() {
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public UUID getContentId() { return contentId; }
    public String getVersionHash() { return versionHash; }
    public String getConsentId() { return consentId; }
    public String getDecision() { return decision; }
    public String getComment() { return comment; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getTaskId() { return taskId; }
    public Long getSeq() { return seq; }
    public String getPrevHash() { return prevHash; }
    public String getHash() { return hash; }
}
