package org.carepost.publishing;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.carepost.content.FieldProblem;
import org.carepost.content.Platform;
import org.carepost.content.VersionRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders a version for each target platform with the Velocity template
 * {@code templates/platform/<platform>.vm}. The post text is handed to the template as data ({@code $text},
 * {@code $links}, {@code $hashtags}); it is never parsed as template source, so {@code ${...}} or {@code #set} in a
 * post come out literally. Lengths are checked as each network counts them.
 */
@Component
public class PlatformRenderer implements VersionRenderer {

    /** Characters per platform; X and Mastodon count every URL as 23. */
    public static final Map<Platform, Integer> LIMITS = Map.of(Platform.X, 280, Platform.MASTODON, 500,
            Platform.LINKEDIN, 3000, Platform.FACEBOOK, 63206, Platform.INSTAGRAM, 2200);
    public static final int URL_WEIGHT = 23;

    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{N}_]+)");

    private final VelocityEngine velocity;
    private final ContentRenderingRepository renderings;

    public PlatformRenderer(ContentRenderingRepository renderings) {
        this.renderings = renderings;
        Properties config = new Properties();
        config.setProperty(RuntimeConstants.RESOURCE_LOADERS, "class");
        config.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
        config.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        config.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        this.velocity = new VelocityEngine(config);
        this.velocity.init();
    }

    @Override
    public Map<String, String> render(String text, Set<Platform> platforms, List<FieldProblem> problems) {
        Map<String, String> result = new TreeMap<>();
        for (Platform platform : platforms) {
            String rendered = render(platform, text);
            Integer limit = LIMITS.get(platform);
            if (limit != null) {
                int length = length(platform, rendered);
                if (length > limit) {
                    problems.add(new FieldProblem("text", "too long for " + platform.code() + ": " + length
                            + " characters, at most " + limit + (countsUrls(platform) ? " (each URL counts as "
                            + URL_WEIGHT + ")" : "")));
                }
            }
            result.put(platform.code(), rendered);
        }
        return result;
    }

    /** The text as the platform's template renders it (trailing whitespace removed). */
    public String render(Platform platform, String text) {
        VelocityContext context = new VelocityContext();
        context.put("text", text.strip());
        context.put("links", matches(URL, text, 0));
        context.put("hashtags", matches(HASHTAG, text, 1));
        context.put("platform", platform.code());
        Template template = velocity.getTemplate("templates/platform/" + platform.code() + ".vm", "UTF-8");
        StringWriter out = new StringWriter();
        template.merge(context, out);
        return out.toString().stripTrailing();
    }

    /** The length as the network counts it: Unicode code points, URLs as 23 on X and Mastodon. */
    public static int length(Platform platform, String rendered) {
        if (!countsUrls(platform)) {
            return rendered.codePointCount(0, rendered.length());
        }
        Matcher m = URL.matcher(rendered);
        int length = 0;
        int last = 0;
        while (m.find()) {
            length += rendered.codePointCount(last, m.start()) + URL_WEIGHT;
            last = m.end();
        }
        return length + rendered.codePointCount(last, rendered.length());
    }

    private static boolean countsUrls(Platform platform) {
        return platform == Platform.X || platform == Platform.MASTODON;
    }

    private static List<String> matches(Pattern pattern, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(group));
        }
        return found;
    }

    @Override
    public void store(UUID contentId, int versionNo, Map<String, String> rendered) {
        rendered.forEach((platform, body) -> renderings.save(new ContentRendering(contentId, versionNo, platform, body)));
    }

    @Override
    public Map<String, String> renderings(UUID contentId, int versionNo) {
        Map<String, String> result = new LinkedHashMap<>();
        renderings.findByContentIdAndVersionNoOrderByPlatform(contentId, versionNo)
                .forEach(r -> result.put(r.getPlatform(), r.getBody()));
        return result;
    }
}
