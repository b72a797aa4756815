package org.carepost.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kills the JVM for real between the network call and the commit that records it: a child JVM runs CarePost on an
 * H2 file database and publishes to a stub on loopback; once the webhook has accepted the post the parent kills
 * the child ({@link Process#destroyForcibly()}, SIGKILL). A second child on the same database publishes again:
 * it finds the publication row still in flight, asks the network (webhook echo), and records the post it finds.
 * The stub, which does not deduplicate webhook posts itself, holds exactly one post per platform.
 */
class PublicationCrashTest {

    WireMockServer wm;

    @AfterEach
    void stop() {
        if (wm != null) {
            wm.stop();
        }
    }

    @Test
    void aPostAcceptedJustBeforeTheCrashIsNotPublishedAgainAfterRestart() throws Exception {
        FakeNetwork network = new FakeNetwork(1L, 0.0, 0);
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(network));
        wm.start();
        wm.stubFor(any(anyUrl()).willReturn(ok()));
        Path dir = Files.createTempDirectory(Path.of("target"), "crash-test-").toAbsolutePath();

        Process first = child("first", dir.toString(), wm.baseUrl());
        List<String> firstOut = new ArrayList<>();
        String contentId = null;
        try (BufferedReader out = reader(first)) {
            for (String line; (line = out.readLine()) != null; ) {
                firstOut.add(line);
                if (line.startsWith("CONTENT ")) {
                    contentId = line.substring("CONTENT ".length());
                }
                if (line.startsWith("REACHED ")) {
                    first.destroyForcibly(); // SIGKILL: no shutdown hooks, no commit
                    break;
                }
            }
        }
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(firstOut).as("first run output").anyMatch(l -> l.startsWith("REACHED "));
        assertThat(network.posts()).extracting(FakeNetwork.Post::platform).containsExactlyInAnyOrder("mastodon", "webhook");

        Process second = child("second", dir.toString(), wm.baseUrl(), contentId);
        List<String> secondOut = new ArrayList<>();
        try (BufferedReader out = reader(second)) {
            for (String line; (line = out.readLine()) != null; ) {
                secondOut.add(line);
            }
        }
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(String.join("\n", secondOut)).isZero();

        // The crash left the webhook row in flight: the call was made, its result never committed.
        assertThat(secondOut).contains("BEFORE mastodon PUBLISHED inFlight=false attempts=1",
                "BEFORE webhook PENDING inFlight=true attempts=1");
        String webhookId = network.posts().stream().filter(p -> p.platform().equals("webhook")).findFirst().orElseThrow().id();
        assertThat(secondOut).contains("AFTER webhook PUBLISHED " + webhookId + " attempts=1", "STATUS PUBLISHED");
        // Exactly one post per platform on the network: the restart asked, it did not publish again.
        assertThat(network.posts()).extracting(FakeNetwork.Post::platform).containsExactlyInAnyOrder("mastodon", "webhook");
    }

    private static Process child(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), CrashChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
