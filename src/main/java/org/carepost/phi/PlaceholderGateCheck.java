package org.carepost.phi;

import java.util.Optional;
import java.util.UUID;
import org.carepost.content.ContentService;
import org.carepost.publishing.GateCheck;
import org.springframework.stereotype.Component;

/** Pre-publication gate: a text that still carries a redaction placeholder is never published. */
@Component
public class PlaceholderGateCheck implements GateCheck {

    private final ContentService contents;

    public PlaceholderGateCheck(ContentService contents) {
        this.contents = contents;
    }

    @Override
    public Optional<String> refusal(UUID contentId) {
        var version = contents.currentVersion(contentId);
        boolean inRendering = contents.renderings(contentId, version.getVersionNo()).values().stream()
                .anyMatch(RedactionPlaceholders::present);
        if (RedactionPlaceholders.present(version.getBody()) || inRendering) {
            return Optional.of("version " + version.getVersionNo() + " still contains redaction placeholders "
                    + String.join(" ", RedactionPlaceholders.in(version.getBody())) + "; the author must rewrite it");
        }
        return Optional.empty();
    }
}
