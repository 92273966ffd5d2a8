package com.agentanchor.realtime.adapter.out.pusher;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.pusher.LocalPusherServer;
import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.support.RealtimeClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What agents report reaches their owner and, when public, everyone on observer-feed, through a real Pusher client. */
@IntegrationTest
class AgentReportsLiveTests {

    @LocalServerPort
    int port;

    @Autowired
    LocalPusherServer server;

    @Autowired
    OwnerDatabase database;

    final JsonMapper json = JsonMapper.builder().build();
    Api api;
    String owner;
    String ownerId;
    String key;

    @BeforeEach
    void anActiveAgentWithAKey() {
        api = new Api(port);
        owner = api.token(unique("owner"));
        ownerId = api.profileId(owner);
        var agent = api.post("/api/agents", owner, Map.of("name", "Live reporter")).body().get("id").asString();
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
        key = api.post("/api/agents/" + agent + "/keys", owner, Map.of("name", "k")).body().get("key").asString();
    }

    @Test
    void eachReportReachesTheOwnerAndThePublicOnesReachEveryone() throws Exception {
        var run = unique("run");
        try (var anyone = client(null); var own = client(owner)) {
            anyone.subscribe("observer-feed", "new-event");
            assertThat(anyone.awaitSubscription()).isEqualTo("observer-feed");
            own.subscribePrivate("private-user-" + ownerId, "new-event", "anomaly-detected");
            assertThat(own.awaitSubscription()).isEqualTo("private-user-" + ownerId);

            api.post("/api/runtime/events/batch", key, Map.of("events", List.of(event(run + " a", "info"),
                    event(run + " b", "warning"), event(run + " c", "error"))));

            var theirs = anyone.collectAbout(3, Duration.ofSeconds(3), run);
            assertThat(theirs).extracting(e -> json.readTree(e.getData()).get("event").get("title").asString())
                    .containsExactlyInAnyOrder(run + " a", run + " b");
            var owners = own.collectAbout(3, Duration.ofSeconds(10), run);
            assertThat(owners).extracting(e -> json.readTree(e.getData()).get("event").get("title").asString())
                    .containsExactlyInAnyOrder(run + " a", run + " b", run + " c");
        }
    }

    @Test
    void aLargeBatchIsOneMessageCarryingItsCountAndItsNewest() throws Exception {
        var run = unique("bulk");
        try (var anyone = client(null); var own = client(owner)) {
            anyone.subscribe("observer-feed", "new-event");
            assertThat(anyone.awaitSubscription()).isEqualTo("observer-feed");
            own.subscribePrivate("private-user-" + ownerId, "new-event", "anomaly-detected");
            assertThat(own.awaitSubscription()).isEqualTo("private-user-" + ownerId);

            var events = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < 200; i++) {
                events.add(event(run + " " + i, i < 12 ? "error" : "info"));
            }
            api.post("/api/runtime/events/batch", key, Map.of("events", events));

            var theirs = anyone.collectAbout(2, Duration.ofSeconds(3), run);
            assertThat(theirs).as("one message for the public part of the batch").singleElement().satisfies(e -> {
                var data = json.readTree(e.getData());
                assertThat(data.get("coalesced").asBoolean()).isTrue();
                assertThat(data.get("count").asInt()).isEqualTo(188);
                assertThat(data.get("event").get("title").asString()).isEqualTo(run + " 199");
                assertThat(data.get("events")).hasSize(5);
            });
            var owners = own.collectAbout(10, Duration.ofSeconds(10), run);
            assertThat(owners).filteredOn(e -> e.getEventName().equals("new-event")).singleElement()
                    .satisfies(e -> assertThat(json.readTree(e.getData()).get("count").asInt()).isEqualTo(200));
            assertThat(owners).as("the 10th, 11th and 12th error in a minute")
                    .filteredOn(e -> e.getEventName().equals("anomaly-detected")).hasSize(3);
        }
    }

    @Test
    void manySingleReportsToOneOwnerAreCoalescedPastTheChannelsRate() throws Exception {
        var run = unique("flood");
        int reports = 300;
        try (var own = client(owner)) {
            own.subscribePrivate("private-user-" + ownerId, "new-event");
            assertThat(own.awaitSubscription()).isEqualTo("private-user-" + ownerId);

            long start = System.nanoTime();
            var pool = Executors.newFixedThreadPool(8);
            try {
                var calls = new ArrayList<Future<Integer>>();
                for (int i = 0; i < reports; i++) {
                    var event = event(run + " " + i, "info");
                    calls.add(pool.submit(() -> api.post("/api/runtime/events", key, event).status()));
                }
                for (var call : calls) {
                    assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo(201);
                }
            } finally {
                pool.shutdownNow();
            }
            var heard = new ArrayList<JsonNode>();
            int counted = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (counted < reports && System.nanoTime() < deadline) {
                var message = own.events.poll(100, TimeUnit.MILLISECONDS);
                if (message != null && message.getData().contains(run)) {
                    var data = json.readTree(message.getData());
                    heard.add(data);
                    counted += data.has("count") ? data.get("count").asInt() : 1;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(counted).as("every report heard, on its own or in a count").isEqualTo(reports);
            assertThat(heard.stream().filter(data -> !data.has("coalesced")).count())
                    .as("sent on their own: no more than the channel's rate allows in %.1f s", seconds)
                    .isLessThanOrEqualTo((long) (FloodGate.BURST + FloodGate.PER_SECOND * seconds));
        }
    }

    @Test
    void anAgentListensOnItsOwnChannelOnly() throws Exception {
        var agent = api.get("/api/agents?size=1", owner).body().get("items").get(0).get("id").asString();
        assertThat(agentAuth(key, "private-agent-" + agent)).isEqualTo(200);
        assertThat(agentAuth(key, "private-agent-" + java.util.UUID.randomUUID())).isEqualTo(403);
        assertThat(agentAuth(key, "private-user-" + ownerId)).isEqualTo(403);
        assertThat(agentAuth(owner, "private-agent-" + agent)).as("the agents' endpoint is not for users")
                .isEqualTo(403);
    }

    private int agentAuth(String bearer, String channel) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/runtime/realtime/auth"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("socket_id=123.456&channel_name=" + channel))
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, Object> event(String title, String severity) {
        return Map.of("eventType", "agent.step", "severity", severity, "title", title);
    }

    private RealtimeClient client(String token) {
        return new RealtimeClient(server.config().key(), "localhost", server.wsPort(), port, token);
    }
}
