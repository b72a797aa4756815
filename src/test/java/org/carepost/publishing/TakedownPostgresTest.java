package org.carepost.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carepost.PostgresApplicationTest;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStatus;
import org.carepost.content.NewContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Partial publication, retry of only the missing platform, and a takedown that marks each publication it deleted. */
@PostgresApplicationTest
class TakedownPostgresTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Autowired ContentService contents;
    @Autowired PublicationRepository publications;
    @Autowired TakedownRepository takedownRows;
    @Autowired AuditTrail audit;
    @Autowired Clock clock;
    @Autowired PlatformRenderer renderer;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void partiallyPublishedRetriesOnlyTheMissingPlatformThenTakedownRecordsEachResult() {
        PublishingAccounts accounts = TestNetworks.accounts(wm.baseUrl(), Duration.ofSeconds(3));
        PublishingService service = new PublishingService(contents, publications, new PlatformAdapters(
                List.of(new MastodonAdapter(accounts), new XAdapter(accounts)), null), audit, clock, renderer, accounts, transactions,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        UUID id = contents.create(new NewContent("Takedown", "education", "oncology", "Takedown test #Oncology",
                List.of("mastodon", "x"), Instant.now().plus(Duration.ofDays(500)).toString()), "omar",
                Set.of("dept-oncology")).getId();
        contents.freezeApproval(id, "olga", null);
        wm.stubFor(post("/api/v1/statuses").willReturn(okJson("{\"id\":\"777\",\"url\":\"https://m.example/@c/777\"}")));
        wm.stubFor(post("/2/tweets").willReturn(aResponse().withStatus(503).withBody("{\"title\":\"Service Unavailable\"}")));

        PlatformException first = catchThrowableOfType(PlatformException.class, () -> service.publish(id, null));
        assertThat(first.kind()).isEqualTo(PlatformException.Kind.RETRYABLE);
        assertThat(first.getMessage()).contains("published on 1 of 2 platforms", "x account 'default'");
        assertThat(contents.get(id).getStatus()).isEqualTo(ContentStatus.PARTIALLY_PUBLISHED);

        wm.stubFor(post("/2/tweets").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"id\":\"1445880548472328192\",\"text\":\"...\"}}")));
        service.publish(id, null);
        assertThat(contents.get(id).getStatus()).isEqualTo(ContentStatus.PUBLISHED);
        wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/api/v1/statuses")));
        wm.verify(2, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/2/tweets")));

        wm.stubFor(delete("/api/v1/statuses/777").willReturn(okJson("{\"id\":\"777\"}")));
        wm.stubFor(delete("/2/tweets/1445880548472328192").willReturn(aResponse().withStatus(401)
                .withBody("{\"title\":\"Unauthorized\",\"detail\":\"Unauthorized\",\"status\":401}")));
        // The one takedown path (takedown.bpmn's steps, here called directly): each post on its own; a refused
        // delete throws (the job retries, then an incident) and leaves its publication PUBLISHED.
        TakedownService takedown = new TakedownService(publications, takedownRows, new PlatformAdapters(
                List.of(new MastodonAdapter(accounts), new XAdapter(accounts)), null), contents, audit, clock);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<Long> planned = tx.execute(status -> takedown.plan(id, null, "revoked", null));
        assertThat(planned).hasSize(2);
        Map<String, Long> byPlatform = planned.stream().collect(Collectors.toMap(
                t -> takedownRows.findById(t).orElseThrow().getPlatform(), t -> t));
        tx.executeWithoutResult(status -> takedown.delete(byPlatform.get("mastodon"), "carepost", null));
        PlatformException refused = catchThrowableOfType(PlatformException.class, () ->
                tx.executeWithoutResult(status -> takedown.delete(byPlatform.get("x"), "carepost", null)));
        assertThat(refused.kind()).isEqualTo(PlatformException.Kind.AUTHENTICATION);
        Map<String, Publication> after = publications.findByContentIdOrderById(id).stream()
                .collect(Collectors.toMap(Publication::getPlatform, p -> p));

        wm.verify(deleteRequestedFor(urlEqualTo("/api/v1/statuses/777")));
        assertThat(after.get("mastodon").getStatus()).isEqualTo(Publication.Status.DELETED);
        assertThat(after.get("mastodon").getDeletedAt()).isNotNull();
        assertThat(after.get("x").getStatus()).isEqualTo(Publication.Status.PUBLISHED);
        assertThat(takedownRows.findById(byPlatform.get("x")).orElseThrow().getStatus()).isEqualTo(Takedown.Status.PENDING);
        // Not every post is down: the content is not withdrawn.
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> tx.executeWithoutResult(status ->
                takedown.completed(id, "carepost", null)))).hasMessageContaining("1 posts");
        assertThat(contents.get(id).getStatus()).isEqualTo(ContentStatus.PUBLISHED);
    }

    @Test
    void aDroppedConnectionOnANetworkThatCannotBeAskedIsInDoubtNotPostedTwice() {
        PublishingAccounts accounts = TestNetworks.accounts(wm.baseUrl(), Duration.ofSeconds(3));
        PublishingService service = new PublishingService(contents, publications, new PlatformAdapters(
                List.of(new FacebookPagesAdapter(accounts)), null), audit, clock, renderer, accounts, transactions,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        UUID id = contents.create(new NewContent("In doubt", "education", "oncology", "In doubt test",
                List.of("facebook"), Instant.now().plus(Duration.ofDays(500)).toString()), "omar",
                Set.of("dept-oncology")).getId();
        contents.freezeApproval(id, "olga", null);
        wm.stubFor(post("/1234567890/feed").willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        PlatformException first = catchThrowableOfType(PlatformException.class, () -> service.publish(id, null));
        assertThat(first.kind()).isEqualTo(PlatformException.Kind.RETRYABLE);
        PlatformException second = catchThrowableOfType(PlatformException.class, () -> service.publish(id, null));

        assertThat(second.kind()).isEqualTo(PlatformException.Kind.PERMANENT);
        assertThat(second.getMessage()).contains("facebook account 'default'", "may or may not be on the network");
        wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/1234567890/feed")));
        Publication row = publications.findByContentIdOrderById(id).get(0);
        assertThat(row.getStatus()).isEqualTo(Publication.Status.IN_DOUBT);
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(contents.get(id).getStatus()).isEqualTo(ContentStatus.APPROVED);

        // An operator looked at the page: the post is not there. Retrying the incident then publishes it once.
        service.resolveInDoubt(row.getId(), null, null, "bria");
        wm.stubFor(post("/1234567890/feed").willReturn(okJson("{\"id\":\"1234567890_42\"}")));
        service.publish(id, null);
        assertThat(publications.findById(row.getId()).orElseThrow().getStatus()).isEqualTo(Publication.Status.PUBLISHED);
        assertThat(contents.get(id).getStatus()).isEqualTo(ContentStatus.PUBLISHED);
        wm.verify(2, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/1234567890/feed")));
    }
}
