package org.carepost.publishing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code carepost.publishing.*}: which adapters, where the networks are, and the accounts. Secrets (tokens, webhook
 * secrets) come from here, from environment variables bound to these keys, or from {@code secrets-file}; they are
 * never logged (see {@link Account#toString()}).
 *
 * @param mode           {@code sandbox} (embedded default: every platform posts into our own table) or {@code live}
 * @param baseUrls       per platform code, the API root (tests point these at WireMock on loopback)
 * @param accounts       per platform code, per account name (a department, or {@code default})
 * @param secretsFile    optional properties file with {@code <platform>.<account>.token} / {@code .secret} lines
 * @param connectTimeout connect timeout of every network call
 * @param readTimeout    read timeout of every network call
 * @param linkedinVersion the {@code LinkedIn-Version} header (YYYYMM)
 */
@ConfigurationProperties("carepost.publishing")
public record PublishingProperties(String mode, Map<String, String> baseUrls, Map<String, Map<String, Account>> accounts,
                                   Path secretsFile, Duration connectTimeout, Duration readTimeout,
                                   String linkedinVersion) {

    public static final Map<String, String> DEFAULT_BASE_URLS = Map.of(
            "facebook", "https://graph.facebook.com/v23.0",
            "instagram", "https://graph.facebook.com/v23.0",
            "linkedin", "https://api.linkedin.com",
            "x", "https://api.x.com",
            "mastodon", "https://mastodon.social");

    public PublishingProperties {
        mode = mode == null || mode.isBlank() ? "sandbox" : mode;
        baseUrls = baseUrls == null ? Map.of() : Map.copyOf(baseUrls);
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        linkedinVersion = linkedinVersion == null || linkedinVersion.isBlank() ? "202506" : linkedinVersion;
    }

    public String baseUrl(String platform) {
        return baseUrls.getOrDefault(platform, DEFAULT_BASE_URLS.get(platform));
    }

    /**
     * One account on one network.
     *
     * @param token    access token (Bearer)
     * @param secret   webhook HMAC secret
     * @param id       the network's id for the account: Facebook page id, Instagram user id, LinkedIn author URN
     * @param url      account-specific API root (Mastodon instance) or the webhook URL
     * @param imageUrl Instagram: the image posted with a caption when the post has no media of its own
     * @param managers the staff (user ids) who hold this account's credentials: when one of them leaves, the brand
     *                 team rotates the credentials (offboarding)
     */
    public record Account(String token, String secret, String id, String url, String imageUrl, List<String> managers) {

        @ConstructorBinding
        public Account {
            managers = managers == null ? List.of() : List.copyOf(managers);
        }

        public Account(String token, String secret, String id, String url, String imageUrl) {
            this(token, secret, id, url, imageUrl, List.of());
        }

        Account withSecrets(String fileToken, String fileSecret) {
            return new Account(token != null ? token : fileToken, secret != null ? secret : fileSecret, id, url, imageUrl,
                    managers);
        }

        @Override
        public String toString() {
            return "Account[id=" + id + ", url=" + url + ", token=" + (token == null ? "none" : "***")
                    + ", secret=" + (secret == null ? "none" : "***") + "]";
        }
    }
}
