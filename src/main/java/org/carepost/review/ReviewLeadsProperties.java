package org.carepost.review;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who is told when a review breaches its SLA.
 *
 * @param leads    e-mail address of each review group's lead, by group (privacy, legal, medical, brand, communications)
 * @param mailFrom the sender address of CarePost's notifications
 */
@ConfigurationProperties("carepost.review")
public record ReviewLeadsProperties(Map<String, String> leads, String mailFrom) {

    public ReviewLeadsProperties {
        leads = leads == null ? Map.of() : Map.copyOf(leads);
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "carepost@localhost" : mailFrom;
    }
}
