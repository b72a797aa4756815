package org.carepost.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentKind;
import org.carepost.content.ContentService;
import org.carepost.content.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsentCoverageTest {

    private final UUID contentId = UUID.randomUUID();
    private final UUID consentId = UUID.randomUUID();
    private ConsentService consents;
    private ContentService contents;
    private CoveredFindings findings;
    private ContentItem item;
    private ConsentCoverage coverage;

    @BeforeEach
    void setUp() {
        consents = mock(ConsentService.class);
        contents = mock(ContentService.class);
        findings = mock(CoveredFindings.class);
        item = mock(ContentItem.class);
        when(contents.get(contentId)).thenReturn(item);
        when(item.getKind()).thenReturn(ContentKind.EDUCATION);
        when(item.getPlatforms()).thenReturn(new LinkedHashSet<>(List.of(Platform.FACEBOOK, Platform.X)));
        when(findings.coveredTypes(contentId)).thenReturn(Set.of());
        when(consents.invalidity(consentId)).thenReturn(List.of());
        coverage = new ConsentCoverage(consents, contents, findings);
    }

    private void consent(List<String> platforms, boolean fullName) {
        Authorization a = new Authorization(consentId, AuthorizationValidator.validate(
                ConsentFixtures.complete(platforms, fullName), LocalDate.of(2026, 12, 1)).valid(), "pat", Instant.now());
        when(consents.find(consentId)).thenReturn(Optional.of(a));
    }

    @Test
    void testimonialsAndCoveredFindingsNeedAnAuthorization() {
        assertThat(coverage.needed(contentId)).isFalse();
        when(findings.coveredTypes(contentId)).thenReturn(Set.of("NAME"));
        assertThat(coverage.needed(contentId)).isTrue();
        when(findings.coveredTypes(contentId)).thenReturn(Set.of());
        when(item.getKind()).thenReturn(ContentKind.TESTIMONIAL);
        assertThat(coverage.needed(contentId)).isTrue();
        assertThat(coverage.gapsOfLinked(contentId)).singleElement().asString().contains("has none");
    }

    @Test
    void everyTargetPlatformMustBeInScope() {
        consent(List.of("facebook"), true);
        assertThat(coverage.gaps(contentId, consentId)).containsExactly(
                "platform x is not in the scope of authorization " + consentId);
        consent(List.of("facebook", "x", "linkedin"), true);
        assertThat(coverage.gaps(contentId, consentId)).isEmpty();
    }

    @Test
    void coveredFindingsNeedTheMatchingPermission() {
        consent(List.of("facebook", "x"), false); // first name and photo only
        when(findings.coveredTypes(contentId)).thenReturn(Set.of("NAME", "DATE", "FIRST_NAME", "PHOTO", "SSN"));
        List<String> gaps = coverage.gaps(contentId, consentId);
        assertThat(gaps).hasSize(3);
        assertThat(gaps.get(0)).contains("DATE").contains("dates permission");
        assertThat(gaps.get(1)).contains("NAME").contains("full-name permission");
        assertThat(gaps.get(2)).contains("SSN").contains("redact");
    }

    @Test
    void anEndedOrUndocumentedAuthorizationCoversNothing() {
        consent(List.of("facebook", "x"), true);
        when(consents.invalidity(consentId)).thenReturn(List.of("authorization " + consentId + " was revoked"));
        when(item.getConsentId()).thenReturn(consentId);
        assertThat(new ConsentGateCheck(coverage).refusal(contentId)).get().asString().contains("revoked");
    }

    /** What the Resolve PHI form offers as "covered" is exactly what some authorization scope can permit. */
    @Test
    void coverableTypesAreExactlyThoseAFullScopePermits() {
        Authorization everything = mock(Authorization.class);
        when(everything.allowsFirstName()).thenReturn(true);
        when(everything.allowsFullName()).thenReturn(true);
        when(everything.allowsPhoto()).thenReturn(true);
        when(everything.allowsCondition()).thenReturn(true);
        when(everything.allowsDates()).thenReturn(true);
        for (org.carepost.phi.PhiType type : org.carepost.phi.PhiType.values()) {
            assertThat(ConsentCoverage.coverable(type.name())).as(type.name())
                    .isEqualTo(ConsentCoverage.permits(everything, type.name()));
        }
        assertThat(ConsentCoverage.coverable("GEO")).isFalse();
        assertThat(ConsentCoverage.coverable("NAME")).isTrue();
    }
}
