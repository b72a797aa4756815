package org.carepost.phi;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStateException;
import org.carepost.content.ContentStatus;
import org.carepost.content.ContentVersion;

/**
 * Drafts, versions and findings in memory behind mocks of {@link ContentService} and {@link PhiFindingRepository}, so
 * the real {@link PhiScanService} runs without a database (unit and engine-only process tests). Saved findings get
 * ids like the database's identity column; a failed call leaves what it saved, as no transaction rolls it back here.
 */
public final class InMemoryPhiStore {

    private final PhiFindingRepository findings = mock(PhiFindingRepository.class);
    private final ContentService contents = mock(ContentService.class);
    private final List<PhiFinding> rows = new ArrayList<>();
    private final Map<UUID, List<ContentVersion>> versions = new HashMap<>();
    private final Map<UUID, ContentItem> items = new HashMap<>();
    private final Map<UUID, ContentStatus> statuses = new HashMap<>();
    private long nextId = 1;

    public InMemoryPhiStore() {
        when(findings.save(any(PhiFinding.class))).thenAnswer(inv -> save(inv.getArgument(0)));
        when(findings.findById(anyLong())).thenAnswer(inv -> rows.stream()
                .filter(f -> f.getId() == (long) inv.getArgument(0)).findFirst());
        when(findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(any(), anyInt())).thenAnswer(inv -> rows.stream()
                .filter(f -> f.getContentId().equals(inv.getArgument(0)) && f.getVersionNo() == (int) inv.getArgument(1))
                .sorted(Comparator.comparingInt(PhiFinding::getStart).thenComparing(PhiFinding::getId))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
        when(contents.get(any())).thenAnswer(inv -> item(inv.getArgument(0)));
        when(contents.currentVersion(any())).thenAnswer(inv -> current(inv.getArgument(0)));
        when(contents.versions(any())).thenAnswer(inv -> List.copyOf(versions.get((UUID) inv.getArgument(0))));
        when(contents.addRedactedVersion(any(), anyString(), anyString(), anyString(), anyString())).thenAnswer(inv -> {
            UUID id = inv.getArgument(0);
            if (statuses.get(id) != ContentStatus.IN_REVIEW) {
                throw new ContentStateException("Only a draft in review can be redacted.");
            }
            return addVersion(id, inv.getArgument(1), inv.getArgument(2), inv.getArgument(3));
        });
        // the draft's life as the process drives it
        when(contents.addVersion(any(), anyString(), anyString())).thenAnswer(inv -> {
            statuses.put(inv.getArgument(0), ContentStatus.IN_REVIEW);
            return revise(inv.getArgument(0), inv.getArgument(1));
        });
        org.mockito.Mockito.doAnswer(inv -> statuses.put(inv.getArgument(0), ContentStatus.CHANGES_REQUESTED))
                .when(contents).changesRequested(any());
        org.mockito.Mockito.doAnswer(inv -> statuses.put(inv.getArgument(0), ContentStatus.WITHDRAWN))
                .when(contents).withdraw(any(), any(), any(), any());
        when(contents.freezeApproval(any(), anyString(), any())).thenAnswer(inv -> {
            statuses.put(inv.getArgument(0), ContentStatus.APPROVED);
            return current(inv.getArgument(0)).getSha256();
        });
    }

    public PhiFindingRepository findings() {
        return findings;
    }

    public ContentService contents() {
        return contents;
    }

    /** A new draft in review with its first version. */
    public UUID draft(String title, String text) {
        UUID id = UUID.randomUUID();
        versions.put(id, new ArrayList<>());
        statuses.put(id, ContentStatus.IN_REVIEW);
        ContentItem item = mock(ContentItem.class);
        when(item.getId()).thenReturn(id);
        when(item.getAuthor()).thenReturn("alice");
        when(item.getDepartment()).thenReturn("cardiology");
        when(item.getPublishAt()).thenReturn(java.time.Instant.now().plus(java.time.Duration.ofHours(1)));
        when(item.getStatus()).thenAnswer(inv -> statuses.get(id));
        when(item.getCurrentVersionNo()).thenAnswer(inv -> versions.get(id).size());
        when(item.getTitle()).thenAnswer(inv -> current(id).getTitle());
        items.put(id, item);
        addVersion(id, text, title, "alice");
        return id;
    }

    /** The author's revision: a new version with the same title. */
    public ContentVersion revise(UUID id, String text) {
        return addVersion(id, text, current(id).getTitle(), "alice");
    }

    public ContentStatus status(UUID id) {
        return statuses.get(id);
    }

    public List<ContentVersion> versions(UUID id) {
        return List.copyOf(versions.get(id));
    }

    public void status(UUID id, ContentStatus status) {
        statuses.put(id, status);
    }

    public ContentVersion current(UUID id) {
        List<ContentVersion> list = versions.get(id);
        return list.get(list.size() - 1);
    }

    public List<PhiFinding> all() {
        return List.copyOf(rows);
    }

    public Optional<PhiFinding> byId(long id) {
        return rows.stream().filter(f -> f.getId() == id).findFirst();
    }

    private ContentItem item(UUID id) {
        ContentItem item = items.get(id);
        if (item == null) {
            throw new org.carepost.content.ContentNotFoundException(id);
        }
        return item;
    }

    private ContentVersion addVersion(UUID id, String text, String title, String author) {
        List<ContentVersion> list = versions.get(id);
        ContentVersion v = new ContentVersion(id, list.size() + 1, text, author, Instant.now()).titled(title);
        list.add(v);
        return v;
    }

    private PhiFinding save(PhiFinding f) {
        if (f.getId() == null) {
            boolean duplicate = rows.stream().anyMatch(r -> r.getContentId().equals(f.getContentId())
                    && r.getVersionNo() == f.getVersionNo() && r.getField() == f.getField()
                    && r.getStart() == f.getStart() && r.getEnd() == f.getEnd() && r.getType() == f.getType());
            if (duplicate) {
                throw new IllegalStateException("uq_phi_finding violated");
            }
            try {
                Field idField = PhiFinding.class.getDeclaredField("id");
                idField.setAccessible(true);
                idField.set(f, nextId++);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            rows.add(f);
        }
        return f;
    }
}
