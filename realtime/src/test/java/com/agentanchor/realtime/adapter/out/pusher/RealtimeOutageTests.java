package com.agentanchor.realtime.adapter.out.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;

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

import tools.jackson.databind.json.JsonMapper;

/**
 * With the Pusher endpoint down while events are produced, nothing is lost: the failed deliveries stay as
 * incomplete publications, and once the endpoint is back every event arrives, each exactly once by event id.
 */
@IntegrationTest
@DirtiesContext // its Pusher is a server of its own, which it replaces
class RealtimeOutageTests {

    static final int AGENTS = 5;

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
    void eventsProducedDuringAnOutageArriveOnceItEnds() throws Exception {
        var api = new Api(port);
        var token = api.token("outage-" + UUID.randomUUID());
        var me = api.profileId(token);
        var config = original.config().toBuilder().wsPort(original.wsPort()).httpPort(original.httpPort()).build();

        since = OffsetDateTime.now();
        original.close();
        var agents = new HashSet<String>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(api.post("/api/agents", token, Map.of("name", "During outage " + i)).body().get("id").asString());
        }
        // Failed, not merely incomplete: a delivery still in flight could reach the restored server before the
        // client below has subscribed, and Pusher keeps nothing for late subscribers.
        awaitPublications("status = 'FAILED'", 2 * AGENTS);

        try (var restored = LocalPusherServer.start(config);
                var client = new RealtimeClient(config.key(), "localhost", restored.wsPort(), port, token)) {
            client.subscribePrivate("private-user-" + me, "new-event", "notification");
            assertThat(client.awaitSubscription()).isNotNull();

            incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

            var json = JsonMapper.builder().build();
            var byEventId = new HashMap<String, String>();
            for (var event : client.collect(4 * AGENTS, Duration.ofSeconds(10))) {
                var data = json.readTree(event.getData());
                byEventId.putIfAbsent(data.get("eventId").asString(), event.getEventName()
                        + (data.has("agentId") ? " " + data.get("agentId").asString() : ""));
            }
            assertThat(byEventId.values()).filteredOn(v -> v.startsWith("notification")).hasSize(AGENTS);
            assertThat(byEventId.values()).filteredOn(v -> v.startsWith("new-event"))
                    .extracting(v -> v.substring("new-event ".length())).containsExactlyInAnyOrderElementsOf(agents);
            awaitPublications("completion_date IS NULL", 0);
        }
    }

    private OffsetDateTime since;

    private void awaitPublications(String condition, long expected) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(15);
        long pending;
        do {
            pending = owner.query("SELECT count(*) FROM event_publication WHERE " + condition
                    + " AND listener_id LIKE '%RealtimeBridge%' AND publication_date >= ?", Long.class, since);
            if (pending == expected) {
                return;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("expected " + expected + " realtime publications with " + condition + ", found "
                + pending);
    }
}
