package com.agentanchor.realtime.adapter.out.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

import com.agentanchor.agents.events.AgentStatusChanged;
import com.agentanchor.council.application.port.in.ValidatorPresence;
import com.agentanchor.observer.events.ObservationRecorded;
import com.agentanchor.platform.security.Admins;
import com.agentanchor.pusher.LocalPusherServer;
import com.agentanchor.pusher.PusherSignatures;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.support.RealtimeClient;
import com.pusher.client.channel.PusherEvent;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real flows of the running app reaching an unmodified Pusher client, and who may subscribe to what. */
@IntegrationTest
class RealtimeFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    LocalPusherServer server;

    @Autowired
    RealtimeBridge bridge;

    @Autowired
    ValidatorPresence council;

    @Autowired
    OwnerDatabase database;

    @Autowired
    MeterRegistry meters;

    final JsonMapper json = JsonMapper.builder().build();
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void registeringAnAgentReachesItsOwnerLive() throws Exception {
        var token = api.token("live-" + UUID.randomUUID());
        var me = api.profileId(token);
        try (var client = client(token)) {
            client.subscribePrivate("private-user-" + me, "new-event", "notification");
            assertThat(client.awaitSubscription()).isEqualTo("private-user-" + me);

            var agent = api.post("/api/agents", token, Map.of("name", "Live Scout")).body().get("id").asString();

            var events = client.collect(2, Duration.ofSeconds(10));
            assertThat(events).extracting(e -> e.getEventName()).containsExactlyInAnyOrder("new-event", "notification");
            var newEvent = json.readTree(events.stream().filter(e -> e.getEventName().equals("new-event")).findFirst()
                    .orElseThrow().getData());
            assertThat(newEvent.get("agentId").asString()).isEqualTo(agent);
            assertThat(newEvent.get("eventId").asString()).isNotBlank();
            assertThat(newEvent.get("event").get("eventType").asString()).isEqualTo("agent.registered");
            var notification = json.readTree(events.stream().filter(e -> e.getEventName().equals("notification"))
                    .findFirst().orElseThrow().getData());
            assertThat(notification.get("message").asString()).contains("Live Scout");
        }
        // by a call to the server in this JVM, not by a signed HTTP request to ourselves
        assertThat(meters.find("agentanchor.realtime.deliveries").tag("server", "built-in").timers())
                .isNotEmpty();
        assertThat(meters.find("agentanchor.realtime.deliveries").tag("server", "pusher").timers()).isEmpty();
    }

    /**
     * With the built-in server a live message is not kept in the event publication registry (see
     * {@link RealtimeBridge#durable()}), while other listeners' deliveries of the same event are: through the app's
     * own registry repository, as the registry writes for a registration.
     */
    @Test
    void aLiveMessageToTheBuiltInServerIsNoRowInTheRegistry(@Autowired EventPublicationRepository publications) {
        var event = new ObservationRecorded(UUID.randomUUID(), 1, "agent.registered", "agent_action", "info", "agent",
                UUID.randomUUID(), "Agent Unkept registered", null, Instant.now(), UUID.randomUUID(), false, "Unkept",
                0);
        var live = PublicationTargetIdentifier.of(RealtimeBridge.class.getName() + ".on("
                + ObservationRecorded.class.getName() + ")");
        var other = PublicationTargetIdentifier.of("realtime-flow-test-" + UUID.randomUUID());
        try {
            publications.create(TargetEventPublication.of(event, live, Instant.now()));
            publications.create(TargetEventPublication.of(event, other, Instant.now()));
            assertThat(database.query("SELECT count(*) FROM event_publication WHERE listener_id = ?", Long.class,
                    live.getValue())).isZero();
            assertThat(database.query("SELECT count(*) FROM event_publication WHERE listener_id = ?", Long.class,
                    other.getValue())).isOne();
        } finally {
            database.update("DELETE FROM event_publication WHERE listener_id IN (?, ?)", live.getValue(),
                    other.getValue());
        }
    }

    @Test
    void anAcquisitionReachesTheSellerLive() throws Exception {
        var seller = api.token("seller-" + UUID.randomUUID());
        var sellerId = api.profileId(seller);
        var agent = api.post("/api/agents", seller, Map.of("name", "Sold Scout")).body().get("id").asString();
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
        var listing = api.post("/api/marketplace/listings", seller, Map.of("agentId", agent, "title", "Scout",
                "commissionRate", 0.2)).body().get("id").asString();
        var consumer = api.token("buyer-" + UUID.randomUUID());
        try (var client = client(seller)) {
            client.subscribePrivate("private-user-" + sellerId, "notification");
            assertThat(client.awaitSubscription()).isEqualTo("private-user-" + sellerId);

            assertThat(api.post("/api/marketplace/listings/" + listing + "/acquisitions", consumer, Map.of()).status())
                    .isEqualTo(201);

            var notification = json.readTree(client.collectAbout(1, Duration.ofSeconds(10), "Agent acquired").get(0)
                    .getData());
            assertThat(notification.get("title").asString()).isEqualTo("Agent acquired");
            assertThat(notification.get("message").asString()).contains("Sold Scout").contains("0.2000");
            assertThat(notification.get("actionUrl").asString()).isEqualTo("/marketplace/listings/" + listing);
        }
    }

    @Test
    void aRiskyRequestReachesItsOwnerAndTheValidatorsButNotThePublicFeed() throws Exception {
        var owner = api.token("owner-" + UUID.randomUUID());
        var ownerId = api.profileId(owner);
        var agent = api.post("/api/agents", owner, Map.of("name", "Risky")).body().get("id").asString();
        var validator = api.trainer("validator-" + UUID.randomUUID());

        try (var own = client(owner); var council = client(validator); var anyone = client(null)) {
            own.subscribePrivate("private-user-" + ownerId, "decision-pending");
            council.subscribePresence("presence-council", "escalation-required");
            anyone.subscribe("council-feed", "decision-pending", "escalation-required");
            assertThat(List.of(own.awaitSubscription(), council.awaitSubscription(), anyone.awaitSubscription()))
                    .doesNotContainNull();

            var decision = api.post("/api/council/decisions", owner, Map.of("agentId", agent,
                    "decisionType", "approval", "riskLevel", 3, "subjectAction", "wire money"));
            assertThat(decision.status()).isEqualTo(201);
            var id = decision.body().get("id").asString();

            var pending = json.readTree(own.collect(1, Duration.ofSeconds(10)).get(0).getData());
            assertThat(pending.get("decision").get("id").asString()).isEqualTo(id);
            assertThat(pending.get("decision").get("status").asString()).isEqualTo("pending");
            assertThat(pending.get("agentName").asString()).isEqualTo("Risky");
            var escalation = json.readTree(council.collectAbout(1, Duration.ofSeconds(10), id).get(0).getData());
            assertThat(escalation.get("decisionId").asString()).isEqualTo(id);
            assertThat(escalation.get("reason").asString()).isEqualTo("wire money");
            assertThat(anyone.collectAbout(1, Duration.ofSeconds(1), id, agent)).as("a draft's decisions are not public")
                    .isEmpty();
        }
    }

    @Test
    void aValidatorsVerdictReachesTheOwnerTheAgentAndTheCouncilLive() throws Exception {
        var owner = api.token("owner-" + UUID.randomUUID());
        var ownerId = api.profileId(owner);
        var agent = api.post("/api/agents", owner, Map.of("name", "Climber")).body().get("id").asString();
        database.update("UPDATE agents SET trust_score = 195 WHERE id = ?::uuid", agent);
        var validator = api.trainer("validator-" + UUID.randomUUID());
        var decision = api.post("/api/council/decisions", owner, Map.of("agentId", agent, "decisionType", "approval",
                "riskLevel", 2, "subjectAction", "book a flight")).body().get("id").asString();

        try (var own = client(owner); var council = client(validator)) {
            own.subscribePrivate("private-user-" + ownerId, "decision-made", "trust-change", "trust-tier-change");
            own.subscribePrivate("private-agent-" + agent, "notification");
            council.subscribePresence("presence-council", "decision-made");
            assertThat(List.of(own.awaitSubscription(), own.awaitSubscription(), council.awaitSubscription()))
                    .doesNotContainNull();

            api.post("/api/council/decisions/" + decision + "/votes", validator, Map.of("vote", "for"));

            var events = own.collect(4, Duration.ofSeconds(10));
            assertThat(events).extracting(e -> e.getEventName()).containsExactlyInAnyOrder("decision-made",
                    "trust-change", "trust-tier-change", "notification");
            var trust = data(events, "trust-change");
            assertThat(trust.get("newScore").asInt()).isEqualTo(205);
            assertThat(trust.get("change").asInt()).isEqualTo(10);
            assertThat(trust.get("source").asString()).isEqualTo("council_decision");
            var tier = data(events, "trust-tier-change");
            assertThat(tier.get("previousTier").asString()).isEqualTo("Untrusted");
            assertThat(tier.get("newTier").asString()).isEqualTo("Provisional");
            assertThat(tier.get("eventId").asString()).as("every message its own eventId")
                    .isNotEqualTo(trust.get("eventId").asString());
            assertThat(data(events, "decision-made").get("decision").get("subjectAction").asString())
                    .isEqualTo("book a flight");
            assertThat(data(events, "decision-made").get("decision").get("status").asString()).isEqualTo("approved");
            assertThat(data(events, "notification").get("title").asString()).isEqualTo("Council approved");
            var made = json.readTree(council.collectAbout(1, Duration.ofSeconds(10), decision).get(0).getData());
            assertThat(made.get("decision").get("id").asString()).isEqualTo(decision);
        }
    }

    @Test
    void anOwnersOverrideReachesTheValidatorsAndIsObserved() throws Exception {
        var owner = api.token("owner-" + UUID.randomUUID());
        var agent = api.post("/api/agents", owner, Map.of("name", "Headstrong")).body().get("id").asString();
        var validator = api.trainer("validator-" + UUID.randomUUID());
        var decision = api.post("/api/council/decisions", owner, Map.of("agentId", agent, "decisionType", "approval",
                "riskLevel", 2, "subjectAction", "sign a contract")).body().get("id").asString();
        api.post("/api/council/decisions/" + decision + "/votes", validator, Map.of("vote", "against"));

        try (var council = client(validator)) {
            council.subscribePresence("presence-council", "decision-made");
            assertThat(council.awaitSubscription()).isNotNull();

            api.post("/api/council/decisions/" + decision + "/override", owner, Map.of("reason", "I answer for it"));

            var made = json.readTree(council.collectAbout(1, Duration.ofSeconds(10), decision).get(0).getData());
            assertThat(made.get("decision").get("status").asString()).isEqualTo("overridden");
            assertThat(made.get("decision").get("humanOverride").get("overriddenVerdict").asString())
                    .isEqualTo("rejected");
            assertThat(made.get("decision").get("humanOverride").get("reason").asString()).isEqualTo("I answer for it");
        }
        List<Map<String, Object>> observed = List.of();
        for (var deadline = Instant.now().plusSeconds(10); observed.isEmpty() && Instant.now().isBefore(deadline);
                Thread.sleep(50)) {
            observed = database.rows("""
                    SELECT category::text AS category, payload ->> 'overriddenVerdict' AS verdict FROM observer_events
                     WHERE subject_id = ?::uuid AND event_type = 'council.overridden'""", agent);
        }
        assertThat(observed).containsExactly(Map.of("category", "council_activity", "verdict", "rejected"));
    }

    @Test
    void aSuspensionsSharpTrustDropReachesTheOwnerAsAnAnomaly() throws Exception {
        var owner = api.token("owner-" + UUID.randomUUID());
        var ownerId = api.profileId(owner);
        var agent = api.post("/api/agents", owner, Map.of("name", "Leaky")).body().get("id").asString();
        var validator = api.trainer("validator-" + UUID.randomUUID());
        var suspension = api.post("/api/council/decisions", owner, Map.of("agentId", agent, "decisionType",
                "suspension", "riskLevel", 2, "subjectAction", "leaked a key")).body().get("id").asString();

        try (var own = client(owner)) {
            own.subscribePrivate("private-user-" + ownerId, "anomaly-detected", "agent-status-change");
            assertThat(own.awaitSubscription()).isNotNull();

            api.post("/api/council/decisions/" + suspension + "/votes", validator, Map.of("vote", "for"));

            var events = own.collect(2, Duration.ofSeconds(10));
            assertThat(events).extracting(PusherEvent::getEventName)
                    .containsExactlyInAnyOrder("anomaly-detected", "agent-status-change");
            var anomaly = data(events, "anomaly-detected");
            assertThat(anomaly.get("anomalyScore").asInt()).isEqualTo(50);
            assertThat(anomaly.get("agentName").asString()).isEqualTo("Leaky");
            assertThat(anomaly.get("description").asString()).contains("lost 50 points");
            assertThat(data(events, "agent-status-change").get("newStatus").asString()).isEqualTo("suspended");
        }
        assertThat(database.rows("""
                SELECT severity::text, anomaly_score, flagged FROM observer_events
                 WHERE subject_id = ?::uuid AND category = 'anomaly'""", agent))
                .containsExactly(Map.of("severity", "warning", "anomaly_score", 50, "flagged", true));
    }

    @Test
    void aGraduationIsAnnouncedToEveryoneOnTheObserverFeed() throws Exception {
        var owner = api.trainer("owner-" + UUID.randomUUID());
        var agent = api.post("/api/agents", owner, Map.of("name", "Valedictorian")).body().get("id").asString();
        var enrollment = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent)).body().get("id")
                .asString();
        var examiner = api.trainer("examiner-" + UUID.randomUUID());
        for (int module = 1; module <= 5; module++) { // basic training's modules: the examination opens after them
            api.post("/api/academy/enrollments/" + enrollment + "/modules/" + module + "/results", examiner,
                    Map.of("score", 90));
        }
        api.post("/api/academy/enrollments/" + enrollment + "/examination", owner, Map.of());

        try (var anyone = client(null)) {
            anyone.subscribe("observer-feed", "agent-graduated", "trust-change", "trust-tier-change", "new-event");
            assertThat(anyone.awaitSubscription()).isEqualTo("observer-feed");

            api.post("/api/academy/enrollments/" + enrollment + "/grades", examiner, Map.of("score", 90));

            var events = anyone.awaitAll(agent, Duration.ofSeconds(10), "agent-graduated", "trust-change",
                    "trust-tier-change", "new-event");
            assertThat(events).extracting(PusherEvent::getEventName).contains("agent-graduated", "trust-change",
                    "trust-tier-change", "new-event");
            assertThat(data(events, "agent-graduated").get("newStatus").asString()).isEqualTo("active");
            assertThat(data(events, "trust-tier-change").get("newTier").asString()).isEqualTo("Provisional");
        }
    }

    @Test
    void aSuspensionOfAPublicAgentIsAnnouncedOnTheObserverFeed() throws Exception {
        try (var anyone = client(null)) {
            anyone.subscribe("observer-feed", "agent-status-change", "agent-graduated");
            assertThat(anyone.awaitSubscription()).isEqualTo("observer-feed");
            var owner = UUID.randomUUID();
            var agents = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

            bridge.on(new AgentStatusChanged(UUID.randomUUID(), agents.get(0), "Public", owner, "active",
                    "suspended", "leaked a secret", null, null, Instant.now()));
            bridge.on(new AgentStatusChanged(UUID.randomUUID(), agents.get(1), "Graduate", owner, "examination",
                    "active", "passed", null, null, Instant.now()));
            bridge.on(new AgentStatusChanged(UUID.randomUUID(), agents.get(2), "Draft", owner, "draft",
                    "suspended", "never public", null, null, Instant.now()));

            var seen = anyone.collectAbout(3, Duration.ofSeconds(2),
                    agents.stream().map(UUID::toString).toArray(String[]::new));
            assertThat(seen).extracting(e -> e.getEventName() + " " + json.readTree(e.getData()).get("agentName")
                    .asString()).containsExactlyInAnyOrder("agent-status-change Public", "agent-graduated Graduate");
        }
    }

    @Test
    void onlyTheOwnerPutsAnAgentBeforeTheCouncil() {
        var owner = api.token("owner-" + UUID.randomUUID());
        var agent = api.post("/api/agents", owner, Map.of("name", "Mine")).body().get("id").asString();
        var other = api.token("other-" + UUID.randomUUID());

        var foreign = api.post("/api/council/decisions", other, Map.of("agentId", agent, "decisionType", "approval",
                "riskLevel", 1, "subjectAction", "act"));
        var tooRisky = api.post("/api/council/decisions", owner, Map.of("agentId", agent, "decisionType", "approval",
                "riskLevel", 5, "subjectAction", "act"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(tooRisky.status()).isEqualTo(400);
        assertThat(tooRisky.body().get("detail").asString()).startsWith("riskLevel:");
    }

    @Test
    void publicObservationsGoToTheObserverFeedAndPrivateOnesDoNot() throws Exception {
        try (var anyone = client(null)) {
            anyone.subscribe("observer-feed", "new-event");
            assertThat(anyone.awaitSubscription()).isEqualTo("observer-feed");

            var publicOne = "public " + UUID.randomUUID();
            var privateOne = "private " + UUID.randomUUID();
            bridge.on(observation(true, publicOne));
            bridge.on(observation(false, privateOne));

            var seen = anyone.collectAbout(2, Duration.ofSeconds(2), publicOne, privateOne);
            assertThat(seen).singleElement().satisfies(e ->
                    assertThat(json.readTree(e.getData()).get("event").get("title").asString()).isEqualTo(publicOne));
        }
    }

    @Test
    void onlyEntitledUsersGetSignedSubscriptions() throws Exception {
        var alice = api.token("alice-" + UUID.randomUUID());
        var bob = api.token("bob-" + UUID.randomUUID());
        var aliceId = api.profileId(alice);
        var draft = api.post("/api/agents", alice, Map.of("name", "Private")).body().get("id").asString();

        try (var mallory = client(bob)) {
            mallory.subscribePrivate("private-user-" + aliceId, "notification");
            assertThat(mallory.refused.poll(5, java.util.concurrent.TimeUnit.SECONDS)).contains("403");
        }
        assertThat(auth(bob, "private-agent-" + draft)).isEqualTo(403);
        assertThat(auth(alice, "private-agent-" + draft)).isEqualTo(200);
        assertThat(auth(alice, "private-agent-not-a-uuid")).isEqualTo(403);
        assertThat(auth(alice, "presence-council")).as("consumers are not on the council").isEqualTo(403);
        api.patch("/api/profiles/me", alice, Map.of("role", "trainer"));
        assertThat(auth(alice, "presence-council")).as("nor are trainers by their own choice").isEqualTo(403);
        api.post("/api/council/validators", api.token(Admins.DEV_ADMIN), Map.of("profileId", aliceId));
        assertThat(auth(alice, "presence-council")).as("seated by an admin").isEqualTo(200);
        assertThat(auth(alice, "private-something-else")).isEqualTo(403);
        assertThat(auth(null, "private-user-" + aliceId)).isEqualTo(401);
    }

    @Test
    void validatorsJoiningTheCouncilChannelAreKnownOnline() throws Exception {
        var token = api.trainer("validator-" + UUID.randomUUID());
        var me = new ProfileId(UUID.fromString(api.profileId(token)));
        try (var first = client(token); var second = client(token)) {
            first.pusher.subscribePresence("presence-council");
            second.pusher.subscribePresence("presence-council");
            awaitOnline(me, true);
            first.close();
            Thread.sleep(300);
            assertThat(council.online()).as("one tab closed, the other still there").contains(me);
        }
        awaitOnline(me, false);
    }

    @Test
    void pusherWebhooksAreAcceptedOnlyWhenSigned() throws Exception {
        var validator = UUID.randomUUID();
        var body = "{\"time_ms\":1,\"events\":[{\"name\":\"member_added\",\"channel\":\"presence-council\","
                + "\"user_id\":\"" + validator + "\"}]}";
        var signed = PusherSignatures.webhookSignature(server.config().secret(), body);

        assertThat(webhook(server.config().key(), "0".repeat(64), body)).isEqualTo(401);
        assertThat(council.online()).doesNotContain(new ProfileId(validator));
        assertThat(webhook(server.config().key(), signed, body)).isEqualTo(200);
        assertThat(council.online()).contains(new ProfileId(validator));
        council.left(new ProfileId(validator));
    }

    private int webhook(String key, String signature, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/realtime/webhooks")).header("Content-Type",
                        "application/json").header("X-Pusher-Key", key).header("X-Pusher-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private void awaitOnline(ProfileId who, boolean online) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(5);
        while (council.online().contains(who) != online && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(council.online().contains(who)).as("%s online", who).isEqualTo(online);
    }

    private JsonNode data(List<PusherEvent> events, String name) {
        return json.readTree(events.stream().filter(e -> e.getEventName().equals(name)).findFirst().orElseThrow()
                .getData());
    }

    private RealtimeClient client(String token) {
        return new RealtimeClient(server.config().key(), "localhost", server.wsPort(), port, token);
    }

    private int auth(String token, String channel) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/realtime/auth"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("socket_id=123.456&channel_name=" + channel));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static ObservationRecorded observation(boolean publicFeed, String title) {
        return new ObservationRecorded(UUID.randomUUID(), 1, "agent.tested", "agent_action", "info", "agent",
                UUID.randomUUID(), title, null, Instant.now(), null, publicFeed, "Tester", 0);
    }
}
