package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.UUID;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.junit.jupiter.api.Test;

class PhiFactsTest {

    private final UUID contentId = UUID.randomUUID();
    private final PhiFindingRepository findings = mock(PhiFindingRepository.class);
    private final MediaRepository media = mock(MediaRepository.class);
    private final ContentService contents = mock(ContentService.class);
    private final PhiFacts facts = new PhiFacts(findings, media, contents);

    @Test
    void phiIsPresentUntilEveryFindingIsRedactedAndCoveredTypesAreReported() {
        ContentItem item = mock(ContentItem.class);
        when(item.getCurrentVersionNo()).thenReturn(2);
        when(contents.get(contentId)).thenReturn(item);
        List<PhiFinding> version2 = List.of(finding(PhiType.NAME, PhiFindingStatus.COVERED_BY_AUTHORIZATION),
                finding(PhiType.DATE, PhiFindingStatus.REDACTED));
        List<PhiFinding> version3 = List.of(finding(PhiType.DATE, PhiFindingStatus.REDACTED),
                finding(PhiType.PHONE, PhiFindingStatus.DISMISSED_NOT_PHI));
        when(findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId, 2)).thenReturn(version2);
        when(findings.findByContentIdAndVersionNoOrderByStartAscIdAsc(contentId, 3)).thenReturn(version3);

        assertThat(facts.phiPresent(contentId, 2)).isTrue(); // a covered name is still PHI
        assertThat(facts.phiPresent(contentId, 3)).isFalse(); // redacted or dismissed as not PHI
        assertThat(facts.coveredTypes(contentId)).containsExactly("NAME");
        assertThat(facts.mediaAttached(contentId, 2)).isFalse();
        List<MediaItem> images = List.of(mock(MediaItem.class));
        when(media.findByContentIdOrderById(contentId)).thenReturn(images);
        assertThat(facts.mediaAttached(contentId, 2)).isTrue();
    }

    private static PhiFinding finding(PhiType type, PhiFindingStatus status) {
        PhiFinding finding = mock(PhiFinding.class);
        when(finding.getType()).thenReturn(type);
        when(finding.getStatus()).thenReturn(status);
        return finding;
    }
}
