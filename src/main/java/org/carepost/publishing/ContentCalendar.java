package org.carepost.publishing;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentStatus;
import org.carepost.content.Platform;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content calendar: scheduled (in review, approved) and published posts by their publication time, per
 * department. Titles, statuses and links only, never the texts. A post that went out stands at the time it went out
 * (its first publication), which differs from the scheduled time for a crisis update published as soon as approved.
 */
@Service
public class ContentCalendar {

    static final List<ContentStatus> SHOWN = List.of(ContentStatus.IN_REVIEW, ContentStatus.CHANGES_REQUESTED,
            ContentStatus.APPROVED, ContentStatus.PARTIALLY_PUBLISHED, ContentStatus.PUBLISHED);

    private final EntityManager entities;
    private final PublicationRepository publications;
    private final TitlePrivacy titles;

    public ContentCalendar(EntityManager entities, PublicationRepository publications, TitlePrivacy titles) {
        this.entities = entities;
        this.publications = publications;
        this.titles = titles;
    }

    public record PlatformState(String platform, String account, String status, String url, Instant publishedAt) {
    }

    /**
     * @param time      when the post stands in the calendar: its first publication, else its scheduled time
     * @param publishAt the time it was scheduled for
     */
    public record Entry(UUID contentId, String title, String kind, String department, String status, Instant time,
                        Instant publishAt, List<String> platforms, List<PlatformState> publications) {
    }

    /** Posts whose calendar time is in [from, to), optionally of one department, by time. */
    @Transactional(readOnly = true)
    public List<Entry> between(Instant from, Instant to, String department) {
        // Scheduled in the range, or first published in it; each stands at its calendar time, filtered again below.
        var query = entities.createQuery("select c from ContentItem c where c.status in :statuses"
                        + (department == null ? "" : " and c.department = :department")
                        + " and ((c.publishAt >= :from and c.publishAt < :to) or c.id in (select p.contentId from"
                        + " Publication p where p.publishedAt >= :from and p.publishedAt < :to))", ContentItem.class)
                .setParameter("from", from).setParameter("to", to).setParameter("statuses", SHOWN);
        if (department != null) {
            query.setParameter("department", department);
        }
        List<ContentItem> items = query.getResultList();
        Map<UUID, List<Publication>> byContent = items.isEmpty() ? Map.of()
                : publications.findByContentIdInOrderById(items.stream().map(ContentItem::getId).toList()).stream()
                .collect(Collectors.groupingBy(Publication::getContentId));
        // every user reads the calendar: a title with PHI the privacy office has not resolved yet is withheld
        Set<UUID> withheld = items.isEmpty() ? Set.of()
                : titles.withheldTitles(items.stream().map(ContentItem::getId).toList());
        return items.stream().map(item -> {
                    List<Publication> published = byContent.getOrDefault(item.getId(), List.of());
                    Instant time = published.stream().map(Publication::getPublishedAt).filter(java.util.Objects::nonNull)
                            .min(Instant::compareTo).orElse(item.getPublishAt());
                    return new Entry(item.getId(),
                            withheld.contains(item.getId()) ? TitlePrivacy.WITHHELD : item.getTitle(),
                            item.getKind().code(), item.getDepartment(), item.getStatus().name(), time,
                            item.getPublishAt(), item.getPlatforms().stream().map(Platform::code).toList(),
                            published.stream().map(p -> new PlatformState(p.getPlatform(), p.getAccount(),
                                    p.getStatus().name(), p.getUrl(), p.getPublishedAt())).toList());
                })
                .filter(entry -> !entry.time().isBefore(from) && entry.time().isBefore(to))
                .sorted(java.util.Comparator.comparing(Entry::time).thenComparing(Entry::contentId))
                .toList();
    }

    /** The same entries as an iCalendar (RFC 5545) feed: one 15-minute event per post at its calendar time. */
    public String ics(List<Entry> entries, String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//CarePost//Content calendar " + name + "//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (Entry entry : entries) {
            VEvent event = new VEvent(entry.time(), Duration.ofMinutes(15), entry.title());
            event.add(new Uid(entry.contentId() + "@carepost"));
            event.add(new Categories(entry.department()));
            event.add(new Description("Status " + entry.status() + "; platforms " + String.join(", ", entry.platforms())
                    + "; content " + entry.contentId()));
            entry.publications().stream().map(PlatformState::url).filter(u -> u != null && u.startsWith("https://"))
                    .findFirst().ifPresent(u -> event.add(new Url(URI.create(u))));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}
