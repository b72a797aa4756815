package org.carepost.consent;

import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Properties;
import java.util.UUID;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.carepost.content.Platform;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders the authorization request letter (and its reminders) from the Velocity templates in
 * {@code templates/consent/} and stores it in {@code consent_letter}. The post's text and title reach the template
 * as data in the context only: they are never template source, so {@code $x} or {@code #set} in a story stays text.
 */
@Service
public class ConsentLetters {

    public static final String REQUEST = "request";
    public static final String REMINDER = "reminder";

    private final VelocityEngine velocity;
    private final ContentService contents;
    private final ConsentLetterRepository letters;
    private final ConsentSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    public ConsentLetters(ContentService contents, ConsentLetterRepository letters, ConsentSettings settings,
                          AuditTrail audit, Clock clock) {
        this.contents = contents;
        this.letters = letters;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        Properties props = new Properties();
        props.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        props.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        props.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        props.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        this.velocity = new VelocityEngine(props);
        this.velocity.init();
    }

    /** Renders and stores a letter of {@code kind} (request or reminder) for the content item. */
    @Transactional
    public ConsentLetter render(UUID contentId, String kind, String processInstanceId) {
        ContentItem item = contents.get(contentId);
        ContentVersion version = contents.currentVersion(contentId);
        VelocityContext context = new VelocityContext();
        context.put("title", item.getTitle());
        context.put("department", item.getDepartment());
        context.put("kind", item.getKind().code());
        context.put("platforms", item.getPlatforms().stream().map(Platform::code).toList());
        context.put("story", version.getBody());
        context.put("contentId", contentId.toString());
        context.put("date", LocalDate.now(clock).toString());
        context.put("timeout", settings.getCaptureTimeout());
        Template template = velocity.getTemplate("templates/consent/" + (REMINDER.equals(kind) ? "reminder" : "request")
                + "-letter.vm", "UTF-8");
        StringWriter out = new StringWriter();
        template.merge(context, out);
        ConsentLetter letter = letters.save(new ConsentLetter(contentId, kind, out.toString(), clock.instant()));
        audit.record(AuditEntry.of("carepost", REMINDER.equals(kind) ? AuditAction.CONSENT_REMINDER
                : AuditAction.CONSENT_REQUESTED, contentId, version.getSha256())
                .withDecision(kind, "letter " + letter.getId()).inProcess(processInstanceId, null));
        return letter;
    }
}
