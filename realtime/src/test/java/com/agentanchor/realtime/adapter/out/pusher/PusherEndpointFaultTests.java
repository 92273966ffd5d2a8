package com.agentanchor.realtime.adapter.out.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.agentanchor.pusher.LocalPusherServer;
import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.support.RealtimeClient;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Pusher endpoint is there but broken: it answers 500, then it accepts requests and never answers (the client
 * gives up after its request timeout). Each time the failed deliveries stay as incomplete publications, and once a
 * working endpoint is back every event arrives, each once by event id. {@link RealtimeOutageTests} covers the
 * endpoint being gone altogether.
 */
@IntegrationTest
@DirtiesContext // its Pusher is a server of its own, which it replaces
class PusherEndpointFaultTests {

    static final int AGENTS = 3;

    @LocalServerPort
    int port;

    static LocalPusherServer original;

    @DynamicPropertySource
    static void pusherElsewhere(DynamicPropertyRegistry registry) {
        original = StandalonePusher.startFor(registry);
    }

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    OwnerDatabase owner;

    @Test
    void eventsProducedWhileTheEndpointAnswers500OrHangsArriveOnceItRecovers() throws Exception {
        var api = new Api(port);
        var token = api.token("endpoint-fault-" + UUID.randomUUID());
        var me = api.profileId(token);
        var config = original.config().toBuilder().wsPort(original.wsPort()).httpPort(original.httpPort()).build();
        original.close();
        LocalPusherServer working = null;
        try {
            for (var fault : Fault.values()) {
                var since = OffsetDateTime.now();
                var agents = new HashSet<String>();
                try (var broken = new BrokenEndpoint(config.httpPort(), fault)) {
                    for (int i = 0; i < AGENTS; i++) {
                        agents.add(api.post("/api/agents", token, Map.of("name", fault + " " + i)).body().get("id")
                                .asString());
                    }
                    // Failed, not merely in flight: see RealtimeOutageTests.
                    awaitPublications(since, "status = 'FAILED'", 2 * AGENTS);
                    assertThat(broken.requests.get()).as(fault.name()).isPositive(); // reached, and failed
                }
                working = LocalPusherServer.start(config);
                try (var client = new RealtimeClient(config.key(), "localhost", working.wsPort(), port, token)) {
                    client.subscribePrivate("private-user-" + me, "new-event", "notification");
                    assertThat(client.awaitSubscription()).isNotNull();

                    // The first try after recovery may take a pooled connection the broken endpoint left behind
                    // (NoHttpResponse) and fail again; the next retry delivers it, as the schedule would.
                    for (int retry = 0; retry < 10 && pending(since, "completion_date IS NULL") > 0; retry++) {
                        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
                        var settled = Instant.now().plusSeconds(10);
                        while (pending(since, "completion_date IS NULL AND status <> 'FAILED'") > 0
                                && Instant.now().isBefore(settled)) {
                            Thread.sleep(100);
                        }
                    }

                    var json = JsonMapper.builder().build();
                    var byEventId = new HashMap<String, String>();
                    for (var event : client.collect(2 * AGENTS, Duration.ofSeconds(15))) {
                        var data = json.readTree(event.getData());
                        byEventId.putIfAbsent(data.get("eventId").asString(), event.getEventName()
                                + (data.has("agentId") ? " " + data.get("agentId").asString() : ""));
                    }
                    assertThat(byEventId.values()).as(fault.name()).filteredOn(v -> v.startsWith("notification"))
                            .hasSize(AGENTS);
                    assertThat(byEventId.values()).as(fault.name()).filteredOn(v -> v.startsWith("new-event"))
                            .extracting(v -> v.substring("new-event ".length()))
                            .containsExactlyInAnyOrderElementsOf(agents);
                    awaitPublications(since, "completion_date IS NULL", 0);
                }
                working.close(); // the next fault takes its port
                working = null;
            }
        } finally {
            if (working != null) {
                working.close();
            }
        }
    }

    private long pending(OffsetDateTime since, String condition) {
        return owner.query("SELECT count(*) FROM event_publication WHERE " + condition
                + " AND listener_id LIKE '%RealtimeBridge%' AND publication_date >= ?", Long.class, since);
    }

    private void awaitPublications(OffsetDateTime since, String condition, long expected) throws InterruptedException {
        // Generous: a hanging endpoint holds each delivery for the client's whole request timeout (4 s).
        var deadline = Instant.now().plusSeconds(40);
        long pending;
        do {
            pending = pending(since, condition);
            if (pending == expected) {
                return;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("expected " + expected + " realtime publications with " + condition + ", found "
                + pending);
    }

    enum Fault {
        ANSWERS_500, NEVER_ANSWERS
    }

    /** Pusher's HTTP API port, taken by something that accepts every request and fails it. */
    static final class BrokenEndpoint implements AutoCloseable {

        final AtomicInteger requests = new AtomicInteger();
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final CountDownLatch closing = new CountDownLatch(1);

        BrokenEndpoint(int port, Fault fault) throws IOException {
            server = HttpServer.create(new InetSocketAddress("localhost", port), 64);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                if (fault == Fault.NEVER_ANSWERS) {
                    try {
                        closing.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                var body = "{\"error\":\"internal\"}".getBytes();
                exchange.sendResponseHeaders(500, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        @Override
        public void close() {
            closing.countDown();
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
