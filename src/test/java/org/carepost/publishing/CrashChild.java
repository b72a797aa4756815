package org.carepost.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carepost.CarePostApplication;
import org.carepost.content.ContentService;
import org.carepost.content.NewContent;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application in a child JVM for {@link PublicationCrashTest}: an H2 file database, live adapters pointed at
 * the parent's stub, no job executor.
 * <ul>
 *   <li>{@code first <dir> <stub>}: creates and approves a post for Mastodon and the webhook, publishes it, and
 *       once the webhook has accepted the post (network call done, result not yet committed) prints
 *       {@code REACHED} and waits to be killed;</li>
 *   <li>{@code second <dir> <stub> <contentId>}: prints the rows as the crash left them, publishes again, prints
 *       the rows and exits.</li>
 * </ul>
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String phase = args[0];
        String dir = args[1];
        String stub = args[2];
        // Command-line arguments: they take precedence over application.yml.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CarePostApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dir + "/carepost;DB_CLOSE_ON_EXIT=FALSE;FILE_LOCK=NO",
                "--camunda.bpm.job-execution.enabled=false",
                "--carepost.demo-users=false",
                "--carepost.publishing.mode=live",
                "--carepost.publishing.read-timeout=5s",
                "--carepost.publishing.base-urls.mastodon=" + stub,
                "--carepost.publishing.accounts.mastodon.default.token=" + TestNetworks.TOKEN,
                "--carepost.publishing.accounts.webhook.default.url=" + stub + "/hook",
                "--carepost.publishing.accounts.webhook.default.secret=" + TestNetworks.SECRET,
                "--logging.level.root=WARN");
        ContentService contents = context.getBean(ContentService.class);
        PublishingService publishing = context.getBean(PublishingService.class);
        PublicationRepository publications = context.getBean(PublicationRepository.class);
        if (phase.equals("first")) {
            UUID id = contents.create(new NewContent("Crash test", "education", "cardiology",
                    "Crash test post https://example.org", List.of("mastodon", "webhook"),
                    Instant.now().plus(Duration.ofDays(400)).toString()), "alice", Set.of("dept-cardiology")).getId();
            contents.freezeApproval(id, "carl", null);
            System.out.println("CONTENT " + id);
            publishing.setAfterNetworkCall((request, result) -> {
                if (request.platform().equals("webhook")) {
                    System.out.println("REACHED " + result.externalId());
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE); // killed here: the network has the post, our database does not know
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            publishing.publish(id, null);
            System.out.println("NOT KILLED");
            System.exit(3);
        }
        UUID id = UUID.fromString(args[3]);
        publications.findByContentIdOrderById(id).forEach(p -> System.out.println("BEFORE " + p.getPlatform() + " "
                + p.getStatus() + " inFlight=" + p.isInFlight() + " attempts=" + p.getAttempts()));
        publishing.publish(id, null);
        publications.findByContentIdOrderById(id).forEach(p -> System.out.println("AFTER " + p.getPlatform() + " "
                + p.getStatus() + " " + p.getExternalId() + " attempts=" + p.getAttempts()));
        System.out.println("STATUS " + contents.get(id).getStatus());
        System.out.flush();
        context.close();
        System.exit(0);
    }
}
