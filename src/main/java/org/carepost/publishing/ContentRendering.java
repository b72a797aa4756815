package org.carepost.publishing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.carepost.content.Hashing;
import org.hibernate.annotations.Immutable;

/** A version's text as rendered for one platform: part of the version, written with it, never changed. */
@Entity
@Immutable
@IdClass(ContentRendering.Key.class)
@Table(name = "content_rendering")
public class ContentRendering {

    public record Key(UUID contentId, int versionNo, String platform) implements Serializable {
        public Key() {
            this(null, 0, null);
        }
    }

    @Id
    @Column(name = "content_id")
    private UUID contentId;

    @Id
    @Column(name = "version_no")
    private int versionNo;

    @Id
    private String platform;

    private String body;
    private String sha256;

    protected ContentRendering() {
    }

    ContentRendering(UUID contentId, int versionNo, String platform, String body) {
        this.contentId = contentId;
        this.versionNo = versionNo;
        this.platform = platform;
        this.body = body;
        this.sha256 = Hashing.sha256(body);
    }

    public UUID getContentId() { return contentId; }
    public int getVersionNo() { return versionNo; }
    public String getPlatform() { return platform; }
    public String getBody() { return body; }
    public String getSha256() { return sha256; }
}
