package org.carepost.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The escalation e-mail, sent through Spring Mail to an in-process SMTP server on a loopback port. */
class SlaEscalationMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort()).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Test
    @SuppressWarnings("unchecked")
    void breachedReviewIsMailedToTheGroupsLeadAndAudited() throws Exception {
        UUID contentId = UUID.randomUUID();
        ReviewService reviews = mock(ReviewService.class);
        // A title with template syntax is printed as data, never evaluated.
        when(reviews.context(contentId)).thenReturn(new ReviewContext(contentId, "Flu shots #if(true)$contentId#end",
                "education", "alice", "cardiology", 3, "abc123", "text that must not leave by e-mail"));
        AuditTrail audit = mock(AuditTrail.class);
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        ObjectProvider<JavaMailSender> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(sender);
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        SlaEscalation escalation = new SlaEscalation(reviews, audit, provider,
                new ReviewLeadsProperties(Map.of("privacy", "privacy-lead@hospital.test"), "carepost@hospital.test"),
                "https://carepost.hospital.test", meters);
        assertThat(meters.get("carepost.sla.escalations").tag("group", "legal").counter().count()).isZero();

        escalation.escalate(contentId, ReviewKind.PRIVACY, "P2D", "pi-1");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("privacy-lead@hospital.test");
        assertThat(received[0].getSubject()).contains("privacy review overdue").contains("P2D");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body).contains("privacy review of draft " + contentId).contains("Flu shots #if(true)$contentId#end")
                .contains("version 3").contains("P2D").contains("https://carepost.hospital.test/camunda/app/tasklist/")
                .doesNotContain("text that must not leave");
        verify(audit).record(argThat(e -> e.action() == AuditAction.ESCALATE && e.contentId().equals(contentId)
                && e.comment().contains("privacy-lead@hospital.test")));
        assertThat(meters.get("carepost.sla.escalations").tag("group", "privacy").counter().count()).isEqualTo(1);
        assertThat(meters.get("carepost.sla.escalations").tag("group", "legal").counter().count()).isZero();
    }
}
