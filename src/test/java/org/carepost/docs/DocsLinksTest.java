package org.carepost.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README stays one page that leads to every docs/ page, and no link in them leads nowhere or out of the repository. */
class DocsLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$", Pattern.MULTILINE);

    @Test
    void theReadmeIsOnePage() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThanOrEqualTo(150);
    }

    @Test
    void theReadmeLinksEveryDocsPage() throws IOException {
        Set<String> linked = links(ROOT.resolve("README.md")).stream().map(l -> l.split("#")[0])
                .collect(Collectors.toSet());
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
            List<String> docs = pages.filter(p -> p.toString().endsWith(".md"))
                    .map(p -> "docs/" + p.getFileName()).sorted().toList();
            assertThat(docs).isNotEmpty();
            assertThat(linked).as("README links to every docs/ page").containsAll(docs);
        }
    }

    @Test
    void everyLinkResolvesInsideTheRepository() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            for (String link : links(page)) {
                String problem = problem(page, link);
                if (problem != null) {
                    broken.add(ROOT.relativize(page) + ": " + link + " (" + problem + ")");
                }
            }
        }
        assertThat(broken).as("links that lead nowhere or out of the repository").isEmpty();
    }

    private static String problem(Path page, String link) throws IOException {
        if (link.startsWith("http://localhost") || link.startsWith("mailto:")) {
            return null;
        }
        if (link.matches("^[a-z]+:.*")) {
            return "points outside the repository";
        }
        String[] parts = link.split("#", 2);
        Path target = parts[0].isEmpty() ? page : page.getParent().resolve(parts[0]).normalize();
        if (!target.startsWith(ROOT)) {
            return "points outside the repository";
        }
        if (!Files.exists(target)) {
            return "no such file";
        }
        if (parts.length == 2 && target.toString().endsWith(".md") && !anchors(target).contains(parts[1])) {
            return "no such heading";
        }
        return null;
    }

    private static List<String> links(Path page) throws IOException {
        String text = Files.readString(page).replaceAll("(?s)```.*?```", "");
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new TreeSet<>();
        Matcher m = HEADING.matcher(Files.readString(page).replaceAll("(?s)```.*?```", ""));
        while (m.find()) {
            anchors.add(m.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }
}
