package org.carepost.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentKind;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.carepost.content.Platform;
import org.junit.jupiter.api.Test;

class ConsentLettersTest {

    @Test
    void storyIsDataNeverTemplateSource() {
        UUID contentId = UUID.randomUUID();
        ContentService contents = mock(ContentService.class);
        ContentItem item = mock(ContentItem.class);
        when(contents.get(contentId)).thenReturn(item);
        when(item.getTitle()).thenReturn("My #set($title = 'x') heart");
        when(item.getDepartment()).thenReturn("cardiology");
        when(item.getKind()).thenReturn(ContentKind.TESTIMONIAL);
        when(item.getPlatforms()).thenReturn(new LinkedHashSet<>(List.of(Platform.FACEBOOK, Platform.INSTAGRAM)));
        String story = "I was saved. $contentId ${date} #foreach($i in [1..3])$i#end $class.forName('java.lang.Runtime')";
        when(contents.currentVersion(contentId)).thenReturn(new ContentVersion(contentId, 1, story, "alice", Instant.now()));
        ConsentLetterRepository repository = mock(ConsentLetterRepository.class);
        when(repository.save(any())).thenAnswer(invocation -> invocation.getArgument(0));
        ConsentLetters letters = new ConsentLetters(contents, repository, new ConsentSettings("P30D", "R/P7D", 10),
                mock(AuditTrail.class), Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

        ConsentLetter letter = letters.render(contentId, ConsentLetters.REQUEST, "pi-1");

        assertThat(letter.getBody()).contains(story) // verbatim, nothing evaluated
                .contains("My #set($title = 'x') heart")
                .contains("  - facebook").contains("  - instagram")
                .contains("Reference: " + contentId).contains("2026-12-01").contains("P30D")
                .contains("revoke").contains("redisclosed");
        assertThat(letters.render(contentId, ConsentLetters.REMINDER, "pi-1").getBody()).contains("reminder");
    }
}
