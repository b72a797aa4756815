package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrganizationDirectoryTest {

    private final OrganizationDirectory directory = new OrganizationDirectory(DetectorAssertions.HOSPITAL,
            List.of("Ada Admin"));

    @Test
    void numbersDomainsSitesAndAddressesInAnySpelling() {
        assertThat(directory.isOrgPhone("7155550100")).isTrue();
        assertThat(directory.isOrgPhone("17155550104")).isTrue();
        assertThat(directory.isOrgPhone("7155550101")).isFalse();
        assertThat(directory.isOrgEmailDomain("riverbend.example.org")).isTrue();
        assertThat(directory.isOrgEmailDomain("mail.riverbend.example.org")).isTrue();
        assertThat(directory.isOrgEmailDomain("notriverbend.example.org")).isFalse();
        assertThat(directory.isOrgWebsite("www.riverbend.example.org")).isTrue();
        assertThat(directory.isOrgWebsite("riverbend.example.org.evil.example")).isFalse();
        assertThat(directory.isOrgAddress("900 summit ave., Suite 12")).isTrue();
        assertThat(directory.isOrgAddress("901 Summit Avenue")).isFalse();
    }

    @Test
    void staffNamesFromSettingsAndCamundaUsers() {
        assertThat(directory.isStaffPart("carla")).isTrue();
        assertThat(directory.isStaffPart("admin")).isTrue();
        assertThat(directory.isOrgShortName("riverbend")).isTrue();
        assertThat(directory.isOrgHandle("RiverbendHealth")).isTrue();
    }

    @Test
    void readsTheApplicationYamlLayout() {
        String yml = """
                carepost:
                  phi:
                    organization:
                      names: [Cedar Valley Health]
                      phones: ["(608) 555-0102"]
                      email-domains: [cedar.example.org]
                      staff: [Priya Raman]
                """;
        OrganizationSettings s = OrganizationSettings.fromYaml(new ByteArrayInputStream(yml.getBytes(StandardCharsets.UTF_8)));
        assertThat(s.names()).containsExactly("Cedar Valley Health");
        assertThat(s.emailDomains()).containsExactly("cedar.example.org");
        assertThat(s.websites()).isEmpty();
        assertThat(s.camundaUsers()).isFalse();
        assertThatThrownBy(() -> OrganizationSettings.fromYaml(new ByteArrayInputStream("a: 1".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void camundaUsersAreReadAgainAfterTheRefreshIntervalAndAFailureKeepsTheLastList() {
        AtomicInteger reads = new AtomicInteger();
        Instant[] now = {Instant.parse("2030-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        OrganizationSettings settings = new OrganizationSettings(null, null, null, null, null, null, true);
        CurrentOrganizationDirectory current = new CurrentOrganizationDirectory(settings, () -> {
            if (reads.incrementAndGet() == 3) {
                throw new IllegalStateException("engine down");
            }
            return List.of(reads.get() == 1 ? "Pat Kim" : "Lee Chen");
        }, clock);
        assertThat(current.get().isStaffPart("pat")).isTrue();
        assertThat(current.get().isStaffPart("pat")).isTrue();
        assertThat(reads.get()).isEqualTo(1);
        now[0] = now[0].plus(CurrentOrganizationDirectory.REFRESH).plusSeconds(1);
        assertThat(current.get().isStaffPart("lee")).isTrue();
        now[0] = now[0].plus(CurrentOrganizationDirectory.REFRESH).plusSeconds(1);
        assertThat(current.get().isStaffPart("lee")).isTrue(); // the failed read kept the last directory
        CurrentOrganizationDirectory off = new CurrentOrganizationDirectory(new OrganizationSettings(null, null, null,
                null, null, null, false), () -> List.of("Pat Kim"), clock);
        assertThat(off.get().isStaffPart("pat")).isFalse();
    }
}
