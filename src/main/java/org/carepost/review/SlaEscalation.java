package org.carepost.review;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A review task breached its SLA: the group's lead gets an e-mail rendered from
 * {@code templates/sla-escalation.vm}, and the escalation is recorded in the audit trail. The template receives
 * the draft's fields as data only; a title containing {@code $} or {@code #} is printed, never evaluated.
 */
@Service("reviewSlaEscalation")
public class SlaEscalation {

    static final String TEMPLATE = "templates/sla-escalation.vm";

    private final ReviewService reviews;
    private final AuditTrail audit;
    private final ObjectProvider<JavaMailSender> mail;
    private final Map<String, String> leads;
    private final String from;
    private final String tasklistUrl;
    private final VelocityEngine velocity;
    private final Map<ReviewKind, Counter> escalations = new java.util.EnumMap<>(ReviewKind.class);

    public SlaEscalation(ReviewService reviews, AuditTrail audit, ObjectProvider<JavaMailSender> mail,
                         ReviewLeadsProperties properties,
                         @Value("${carepost.base-url:http://localhost:8080}") String baseUrl, MeterRegistry meters) {
        this.reviews = reviews;
        // One series per review group from the start (0 until the first escalation).
        for (ReviewKind kind : ReviewKind.values()) {
            if (kind != ReviewKind.SIGNOFF) {
                escalations.put(kind, Counter.builder("carepost.sla.escalations")
                        .description("Reviews that breached their SLA (the group's lead was notified), per review group")
                        .tag("group", kind.code()).register(meters));
            }
        }
        this.audit = audit;
        this.mail = mail;
        this.leads = properties.leads();
        this.from = properties.mailFrom();
        this.tasklistUrl = baseUrl + "/camunda/app/tasklist/";
        Properties config = new Properties();
        config.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        config.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        config.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        this.velocity = new VelocityEngine(config);
        this.velocity.init();
    }

    /** The lead's address of a review group, from {@code carepost.review.leads.<group>}. */
    public String leadOf(ReviewKind kind) {
        String address = leads.get(kind.code());
        if (address == null || address.isBlank()) {
            throw new IllegalStateException("No lead address configured for group " + kind.code()
                    + " (carepost.review.leads." + kind.code() + ")");
        }
        return address;
    }

    /** Renders the notification; every value is data. */
    public String render(ReviewContext context, ReviewKind kind, String sla) {
        VelocityContext data = new VelocityContext();
        data.put("review", kind.code());
        data.put("group", kind.code());
        data.put("contentId", context.contentId().toString());
        data.put("title", context.title());
        data.put("kind", context.kind());
        data.put("versionNo", context.versionNo());
        data.put("versionHash", context.versionHash());
        data.put("sla", sla);
        data.put("tasklistUrl", tasklistUrl);
        Template template = velocity.getTemplate(TEMPLATE, StandardCharsets.UTF_8.name());
        StringWriter out = new StringWriter();
        template.merge(data, out);
        return out.toString();
    }

    /** Sends the escalation to the group's lead and records it (same transaction as the engine's timer job). */
    @Transactional
    public void escalate(UUID contentId, ReviewKind kind, String sla, String processInstanceId) {
        ReviewContext context = reviews.context(contentId);
        String lead = leadOf(kind);
        String body = render(context, kind, sla);
        audit.record(AuditEntry.of("carepost", AuditAction.ESCALATE, contentId, context.versionHash())
                .withDecision("sla-breached", kind.code() + " review over " + sla + "; notified " + lead)
                .inProcess(processInstanceId, null));
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("No mail server configured (spring.mail.host); escalation of content "
                    + contentId + " not sent");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(lead);
        message.setSubject("CarePost: " + kind.code() + " review overdue (SLA " + sla + ")");
        message.setText(body);
        sender.send(message);
        Counter escalated = escalations.get(kind);
        if (escalated != null) {
            escalated.increment();
        }
    }
}
