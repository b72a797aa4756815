package org.carepost.web;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.carepost.phi.MediaItem;
import org.carepost.phi.MediaService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Images of a draft (multipart field {@code file}); stored only without their metadata. */
@RestController
@RequestMapping("/api/content/{id}/media")
public class MediaController {

    private final MediaService media;

    public MediaController(MediaService media) {
        this.media = media;
    }

    public record StoredMedia(long id, UUID contentId, String mediaType, int sizeBytes, String sha256) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<StoredMedia> upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
                                              Authentication user) throws IOException {
        MediaItem stored = media.upload(id, file.getBytes(), user.getName());
        return ResponseEntity.created(URI.create("/api/content/" + id + "/media/" + stored.getId()))
                .body(new StoredMedia(stored.getId(), id, stored.getMediaType(), stored.getSizeBytes(), stored.getSha256()));
    }
}
