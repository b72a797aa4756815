package org.carepost.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carepost.publishing.Publication;
import org.carepost.publishing.PublishingService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What went out where. Published posts are public, so every logged-in user may list them. */
@RestController
@RequestMapping("/api/publications")
public class PublicationController {

    private final PublishingService publishing;

    public PublicationController(PublishingService publishing) {
        this.publishing = publishing;
    }

    public record PublicationView(Long id, UUID contentId, int versionNo, String versionHash, String platform,
                                  String account, String status, String externalId, String url, String publishedHash,
                                  Instant publishedAt) {
    }

    /** What an operator found on the network for a publication in doubt: its id (and URL), or nothing. */
    public record Resolution(String externalId, String url) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/{id}/resolution")
    @org.springframework.security.access.prepost.PreAuthorize("hasAnyAuthority('GROUP_camunda-admin', 'GROUP_brand')")
    public PublicationView resolve(@org.springframework.web.bind.annotation.PathVariable Long id,
                                   @org.springframework.web.bind.annotation.RequestBody Resolution resolution,
                                   org.springframework.security.core.Authentication user) {
        try {
            return view(publishing.resolveInDoubt(id, resolution.externalId(), resolution.url(), user.getName()));
        } catch (org.carepost.publishing.PublicationGateException e) {
            throw new org.carepost.content.ContentStateException(e.getMessage());
        }
    }

    private static PublicationView view(Publication p) {
        return new PublicationView(p.getId(), p.getContentId(), p.getVersionNo(), p.getVersionHash(), p.getPlatform(),
                p.getAccount(), p.getStatus().name(), p.getExternalId(), p.getUrl(), p.getPublishedHash(), p.getPublishedAt());
    }

    @GetMapping
    public List<PublicationView> list(@RequestParam(required = false) UUID contentId) {
        List<Publication> found = contentId == null ? publishing.all() : publishing.forContent(contentId);
        return found.stream().map(p -> new PublicationView(p.getId(), p.getContentId(), p.getVersionNo(),
                p.getVersionHash(), p.getPlatform(), p.getAccount(), p.getStatus().name(), p.getExternalId(), p.getUrl(),
                p.getPublishedHash(), p.getPublishedAt())).toList();
    }
}
