package org.carepost.phi;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The typed placeholders a redaction leaves in a text ({@code [NAME]}, {@code [GEO]}, ...). A text that still has one
 * goes back to its author for a rewrite and is never published: "[NAME] from [GEO] says" is no post.
 */
public final class RedactionPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[(" + Arrays.stream(PhiType.values())
            .map(PhiType::name).collect(Collectors.joining("|")) + ")]");

    private RedactionPlaceholders() {
    }

    public static String of(PhiType type) {
        return "[" + type.name() + "]";
    }

    public static boolean present(String text) {
        return text != null && PLACEHOLDER.matcher(text).find();
    }

    /** The placeholders in the text, each once, in order of appearance ("[NAME]", "[GEO]"). */
    public static Set<String> in(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }
}
