package org.carepost.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishingAccountsTest {

    @Test
    void tokensComeFromConfigurationThenTheSecretsFileAndAreNeverPrinted(@TempDir Path dir) throws Exception {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "x.cardiology.token=from-file\nmastodon.default.token=file-mastodon\nwebhook.default.secret=file-secret\n");
        PublishingAccounts accounts = new PublishingAccounts(new PublishingProperties("live", Map.of(), Map.of(
                "mastodon", Map.of("default", new PublishingProperties.Account("from-config", null, null, null, null))),
                secrets, null, null, null));

        assertThat(accounts.token("x", "cardiology")).isEqualTo("from-file");
        assertThat(accounts.token("mastodon", "default")).isEqualTo("from-config");
        assertThat(accounts.account("webhook", "default").secret()).isEqualTo("file-secret");
        assertThat(accounts.account("mastodon", "default").toString()).doesNotContain("from-config").contains("token=***");

        // A department with its own account posts with it; others use the default account.
        assertThat(accounts.accountFor("x", "cardiology")).isEqualTo("cardiology");
        assertThat(accounts.accountFor("x", "oncology")).isEqualTo("default");

        PlatformException missing = catchThrowableOfType(PlatformException.class, () -> accounts.token("linkedin", "default"));
        assertThat(missing.kind()).isEqualTo(PlatformException.Kind.AUTHENTICATION);
        assertThat(missing.getMessage()).contains("linkedin account 'default'", "needs authorisation");
    }
}
