package org.carepost.audit;

import java.io.StringWriter;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.springframework.stereotype.Component;

/**
 * Renders the auditor's pages (templates/audit/*.vm) and CarePost's other pages (templates/app/*.vm) from classpath
 * templates. Content reaches a template only as data in the context, and every value a template inserts is
 * HTML-escaped by an insertion handler, so a post's text can neither inject markup nor be evaluated as a template.
 */
@Component
public class AuditPageRenderer {

    private final VelocityEngine velocity;

    public AuditPageRenderer() {
        Properties p = new Properties();
        p.setProperty("resource.loaders", "class");
        p.setProperty("resource.loader.class.class", "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
        p.setProperty("resource.loader.class.cache", "true");
        p.setProperty("resource.default_encoding", "UTF-8");
        p.setProperty("runtime.strict_mode.enable", "false");
        velocity = new VelocityEngine(p);
        velocity.init();
    }

    public String render(String template, Map<String, Object> model) {
        return render("audit", template, model);
    }

    /** A page of another folder under templates/ (CarePost's pages under /app use "app"), escaped the same way. */
    public String render(String folder, String template, Map<String, Object> model) {
        VelocityContext context = new VelocityContext();
        model.forEach(context::put);
        EventCartridge cartridge = new EventCartridge();
        cartridge.addEventHandler((ReferenceInsertionEventHandler) (ctx, reference, value) ->
                value == null ? null : escapeHtml(value.toString()));
        cartridge.attachToContext(context);
        Template t = velocity.getTemplate("templates/" + folder + "/" + template + ".vm", "UTF-8");
        StringWriter out = new StringWriter();
        t.merge(context, out);
        return out.toString();
    }

    public static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
