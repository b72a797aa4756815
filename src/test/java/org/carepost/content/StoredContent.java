package org.carepost.content;

import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** For tests outside content: the stored drafts as they are. The repository itself is private to content. */
public class StoredContent {

    private final ContentItemRepository items;

    public StoredContent(ApplicationContext context) {
        this.items = context.getBean(ContentItemRepository.class);
    }

    public long count() {
        return items.count();
    }

    public List<ContentItem> all() {
        return items.findAll();
    }

    public ContentItem get(UUID id) {
        return items.findById(id).orElseThrow(() -> new AssertionError("no draft " + id));
    }
}
