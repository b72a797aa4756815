package org.carepost.publishing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;

/**
 * Credentials per platform and account: configuration (or environment variables bound to it) first, then the
 * secrets file. Nothing here is ever logged, put into exception messages or into process variables.
 */
public class PublishingAccounts {

    public static final String DEFAULT_ACCOUNT = "default";

    private final PublishingProperties properties;
    private final Properties secrets = new Properties();

    public PublishingAccounts(PublishingProperties properties) {
        this.properties = properties;
        if (properties.secretsFile() != null) {
            try (Reader reader = Files.newBufferedReader(properties.secretsFile(), StandardCharsets.UTF_8)) {
                secrets.load(reader);
            } catch (IOException e) {
                // The path is configuration, not a secret; the content is never echoed.
                throw new IllegalStateException("carepost.publishing.secrets-file cannot be read: " + properties.secretsFile(), e);
            }
        }
    }

    /** The account a department posts with on a platform: the department's own if configured, else {@code default}. */
    public String accountFor(String platform, String department) {
        Map<String, PublishingProperties.Account> ofPlatform = properties.accounts().getOrDefault(platform, Map.of());
        if (department != null && (ofPlatform.containsKey(department)
                || secrets.containsKey(platform + "." + department + ".token"))) {
            return department;
        }
        return DEFAULT_ACCOUNT;
    }

    /** The account's settings; a missing account or token is an authentication problem naming platform and account. */
    public PublishingProperties.Account account(String platform, String account) {
        PublishingProperties.Account configured = properties.accounts().getOrDefault(platform, Map.of()).get(account);
        if (configured == null) {
            configured = new PublishingProperties.Account(null, null, null, null, null);
        }
        return configured.withSecrets(secrets.getProperty(platform + "." + account + ".token"),
                secrets.getProperty(platform + "." + account + ".secret"));
    }

    public String token(String platform, String account) {
        String token = account(platform, account).token();
        if (token == null || token.isBlank()) {
            throw new PlatformException(PlatformException.Kind.AUTHENTICATION, platform + " account '" + account
                    + "' has no access token configured (carepost.publishing.accounts." + platform + "." + account
                    + ".token); it needs authorisation.");
        }
        return token;
    }

    public String required(String platform, String account, String what, String value) {
        if (value == null || value.isBlank()) {
            throw new PlatformException(PlatformException.Kind.PERMANENT, platform + " account '" + account + "' has no "
                    + what + " configured (carepost.publishing.accounts." + platform + "." + account + ")");
        }
        return value;
    }

    /** The configured accounts this user is a manager of, as "platform/account", in a stable order. */
    public List<String> managedBy(String userId) {
        List<String> managed = new ArrayList<>();
        new TreeMap<>(properties.accounts()).forEach((platform, accounts) -> new TreeMap<>(accounts).forEach(
                (name, account) -> {
                    if (account.managers().contains(userId)) {
                        managed.add(platform + "/" + name);
                    }
                }));
        return managed;
    }

    public PublishingProperties properties() {
        return properties;
    }
}
