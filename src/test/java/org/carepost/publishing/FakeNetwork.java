package org.carepost.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WireMock extension that behaves like two networks and fails a share of the calls:
 * <ul>
 *   <li>Mastodon {@code POST /api/v1/statuses}: deduplicates by {@code Idempotency-Key}, as Mastodon does;</li>
 *   <li>a webhook receiver {@code POST /hook} that does NOT deduplicate (every accepted POST makes a new post), and
 *       its echo {@code GET /hook/<key>}.</li>
 * </ul>
 * Faults: 500 and 429 (the post is not made), and, after the post was made, a read timeout (delayed answer) or a
 * connection reset. Every post made is recorded, so duplicates and losses can be counted afterwards.
 */
public class FakeNetwork implements ResponseDefinitionTransformerV2 {

    public enum FaultKind { NONE, SERVER_ERROR, RATE_LIMITED, TIMEOUT_AFTER_ACCEPT, RESET_AFTER_ACCEPT }

    /** A post as the network holds it. */
    public record Post(String platform, String key, String id) {
    }

    private final Random random;
    private final double faultRate;
    private final int delayMillis;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong(1000);
    private final List<Post> posts = new ArrayList<>();
    private final Map<String, Post> mastodonByKey = new ConcurrentHashMap<>();
    private final Map<FaultKind, Integer> faults = new EnumMap<>(FaultKind.class);

    public FakeNetwork(long seed, double faultRate, int delayMillis) {
        this.random = new Random(seed);
        this.faultRate = faultRate;
        this.delayMillis = delayMillis;
    }

    @Override
    public String getName() {
        return "fake-network";
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String url = request.getUrl();
        String method = request.getMethod().getName();
        FaultKind fault = nextFault();
        if (fault == FaultKind.SERVER_ERROR) {
            return aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"Service Unavailable\"}").build();
        }
        if (fault == FaultKind.RATE_LIMITED) {
            return aResponse().withStatus(429).withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"Too many requests\"}").build();
        }
        Post post;
        if (method.equals("POST") && url.equals("/api/v1/statuses")) {
            String key = request.getHeader("Idempotency-Key");
            post = mastodonByKey.computeIfAbsent(key, k -> record("mastodon", k));
        } else if (method.equals("POST") && url.equals("/hook")) {
            post = record("webhook", field(request.getBodyAsString(), "id"));
        } else if (method.equals("GET") && url.startsWith("/hook/")) {
            String key = java.net.URLDecoder.decode(url.substring("/hook/".length()), java.nio.charset.StandardCharsets.UTF_8);
            post = find("webhook", key);
            if (post == null) {
                return answer(fault, aResponse().withStatus(404).withBody("{\"error\":\"unknown id\"}"));
            }
        } else {
            return aResponse().withStatus(404).withBody("{\"error\":\"no such endpoint\"}").build();
        }
        return answer(fault, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + post.id() + "\",\"url\":\"https://net.example/" + post.platform() + "/" + post.id() + "\"}"));
    }

    private ResponseDefinition answer(FaultKind fault, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok) {
        if (fault == FaultKind.RESET_AFTER_ACCEPT) {
            return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        if (fault == FaultKind.TIMEOUT_AFTER_ACCEPT) {
            return ok.withFixedDelay(delayMillis).build();
        }
        return ok.build();
    }

    private synchronized FaultKind nextFault() {
        double r = random.nextDouble();
        FaultKind kind;
        if (r >= faultRate) {
            kind = FaultKind.NONE;
        } else {
            // Of the failing share: 1/3 server errors, 1/4 rate limits, the rest after the network accepted the post.
            double f = r / faultRate;
            kind = f < 0.34 ? FaultKind.SERVER_ERROR : f < 0.58 ? FaultKind.RATE_LIMITED
                    : f < 0.79 ? FaultKind.TIMEOUT_AFTER_ACCEPT : FaultKind.RESET_AFTER_ACCEPT;
        }
        faults.merge(kind, 1, Integer::sum);
        return kind;
    }

    private synchronized Post record(String platform, String key) {
        Post post = new Post(platform, key, String.valueOf(ids.incrementAndGet()));
        posts.add(post);
        return post;
    }

    private synchronized Post find(String platform, String key) {
        return posts.stream().filter(p -> p.platform().equals(platform) && p.key().equals(key)).findFirst().orElse(null);
    }

    private String field(String body, String name) {
        try {
            JsonNode node = json.readTree(body);
            return node.get(name).asText();
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    public synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    public synchronized Map<FaultKind, Integer> faults() {
        return Map.copyOf(faults);
    }
}
