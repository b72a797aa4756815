package org.carepost.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carepost.content.FieldProblem;
import org.carepost.content.Hashing;
import org.carepost.content.Platform;
import org.junit.jupiter.api.Test;

class PlatformRendererTest {

    final PlatformRenderer renderer = new PlatformRenderer(null);

    @Test
    void templateSyntaxInThePostIsDataAndComesOutLiterally() {
        String text = "Costs ${price} #set($price = 0) $!{x} #if(true)yes#end $text ## not a comment";
        List<FieldProblem> problems = new ArrayList<>();

        Map<String, String> renderings = renderer.render(text, EnumSet.allOf(Platform.class), problems);

        assertThat(problems).isEmpty();
        assertThat(renderings).containsOnlyKeys("facebook", "instagram", "linkedin", "mastodon", "webhook", "x");
        renderings.values().forEach(r -> assertThat(r).isEqualTo(text));
    }

    @Test
    void instagramPointsToTheBioLinkWhenTheCaptionHasLinks() {
        assertThat(renderer.render(Platform.INSTAGRAM, "Book at https://example.org/flu #FluSeason"))
                .isEqualTo("Book at https://example.org/flu #FluSeason\n\nLink in bio.");
        assertThat(renderer.render(Platform.INSTAGRAM, "No link here")).isEqualTo("No link here");
    }

    @Test
    void xCountsEachUrlAsTwentyThreeCharacters() {
        String url = "https://example.org/" + "a".repeat(80);
        String fits = "a".repeat(256) + " " + url;      // 256 + 1 + 23 = 280
        String tooLong = "a".repeat(257) + " " + url;   // 281
        List<FieldProblem> problems = new ArrayList<>();

        renderer.render(fits, Set.of(Platform.X), problems);
        assertThat(problems).isEmpty();
        assertThat(PlatformRenderer.length(Platform.X, fits)).isEqualTo(280);

        renderer.render(tooLong, Set.of(Platform.X, Platform.FACEBOOK), problems);
        assertThat(problems).containsExactly(new FieldProblem("text",
                "too long for x: 281 characters, at most 280 (each URL counts as 23)"));
    }

    @Test
    void limitsPerPlatformNameThePlatformAndTheLimit() {
        List<FieldProblem> problems = new ArrayList<>();
        renderer.render("é".repeat(501), EnumSet.of(Platform.MASTODON, Platform.LINKEDIN, Platform.WEBHOOK), problems);
        assertThat(problems).extracting(FieldProblem::message).containsExactly("too long for mastodon: 501 characters, at most 500 (each URL counts as 23)");

        problems.clear();
        renderer.render("x".repeat(2201), EnumSet.of(Platform.INSTAGRAM, Platform.LINKEDIN), problems);
        assertThat(problems).extracting(FieldProblem::message).containsExactly("too long for instagram: 2201 characters, at most 2200");

        problems.clear();
        renderer.render("x".repeat(3001), EnumSet.of(Platform.LINKEDIN, Platform.FACEBOOK), problems);
        assertThat(problems).extracting(FieldProblem::message).containsExactly("too long for linkedin: 3001 characters, at most 3000");
    }

    @Test
    void theVersionHashCoversTextAndEveryRendering() {
        String text = "Heart month https://example.org";
        Map<String, String> renderings = renderer.render(text, EnumSet.of(Platform.X, Platform.INSTAGRAM), new ArrayList<>());
        String hash = Hashing.versionHash(text, renderings);

        assertThat(hash).matches("[0-9a-f]{64}").isNotEqualTo(Hashing.sha256(text));
        assertThat(Hashing.versionHash(text, Map.of())).isEqualTo(Hashing.sha256(text));
        Map<String, String> changed = new java.util.HashMap<>(renderings);
        changed.put("instagram", renderings.get("instagram") + " ");
        assertThat(Hashing.versionHash(text, changed)).isNotEqualTo(hash);
        assertThat(Hashing.versionHash(text, new java.util.TreeMap<>(renderings))).isEqualTo(hash);
    }
}
