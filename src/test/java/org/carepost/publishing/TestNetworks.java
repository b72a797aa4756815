package org.carepost.publishing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Publishing settings that point every network at one loopback stub, with short timeouts. */
final class TestNetworks {

    static final String TOKEN = "tok-abc123";
    static final String SECRET = "whsec-42";

    private TestNetworks() {
    }

    static PublishingAccounts accounts(String base, Duration readTimeout) {
        Map<String, String> baseUrls = new HashMap<>();
        for (String platform : new String[] {"facebook", "instagram", "linkedin", "x", "mastodon"}) {
            baseUrls.put(platform, base);
        }
        Map<String, Map<String, PublishingProperties.Account>> accounts = Map.of(
                "facebook", Map.of("default", new PublishingProperties.Account(TOKEN, null, "1234567890", null, null)),
                "instagram", Map.of("default", new PublishingProperties.Account(TOKEN, null, "17841400000000000", null,
                        "https://cdn.example.org/card.jpg")),
                "linkedin", Map.of("default", new PublishingProperties.Account(TOKEN, null, "urn:li:organization:5515715", null, null)),
                "x", Map.of("default", new PublishingProperties.Account(TOKEN, null, null, null, null)),
                "mastodon", Map.of("default", new PublishingProperties.Account(TOKEN, null, null, null, null)),
                "webhook", Map.of("default", new PublishingProperties.Account(null, SECRET, null, base + "/hook", null)));
        return new PublishingAccounts(new PublishingProperties("live", baseUrls, accounts, null,
                Duration.ofSeconds(2), readTimeout, "202506"));
    }
}
