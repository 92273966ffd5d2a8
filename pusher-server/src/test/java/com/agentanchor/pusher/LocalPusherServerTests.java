package com.agentanchor.pusher;

import static com.agentanchor.pusher.JavaClient.assertQuiet;
import static com.agentanchor.pusher.JavaClient.poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.pusher.client.ChannelAuthorizer;
import com.pusher.client.channel.PresenceChannel;
import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import com.pusher.client.connection.ConnectionState;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Event;
import com.pusher.rest.data.PresenceUser;
import com.pusher.rest.data.Result;

import tools.jackson.databind.JsonNode;

/** The server driven by unmodified Pusher libraries: pusher-http-java 1.3.4 and pusher-java-client 2.4.4. */
@Timeout(60)
class LocalPusherServerTests {

    static final String APP_ID = "42";
    static final String KEY = "test-key";
    static final String SECRET = "test-secret";

    LocalPusherServer server;
    Pusher rest;
    final List<JavaClient> clients = new ArrayList<>();
    final BlockingQueue<String> hooks = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() {
        server = LocalPusherServer.start(LocalPusherConfig.builder().appId(APP_ID).key(KEY).secret(SECRET).build());
        server.addListener(new LocalPusherListener() {
            @Override
            public void channelOccupied(String channel) {
                hooks.add("occupied " + channel);
            }

            @Override
            public void channelVacated(String channel) {
                hooks.add("vacated " + channel);
            }

            @Override
            public void memberAdded(String channel, String userId, String userInfoJson) {
                hooks.add("added " + channel + " " + userId + " " + userInfoJson);
            }

            @Override
            public void memberRemoved(String channel, String userId) {
                hooks.add("removed " + channel + " " + userId);
            }

            @Override
            public void clientEvent(String channel, String event, String dataJson, String socketId, String userId) {
                hooks.add("client " + channel + " " + event + " " + userId);
            }
        });
        rest = new Pusher(server.restUrl());
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(JavaClient::close);
        rest.close();
        server.close();
    }

    JavaClient client() {
        return client(signer(null, null));
    }

    JavaClient client(ChannelAuthorizer authorizer) {
        JavaClient c = JavaClient.connect(server, authorizer);
        clients.add(c);
        return c;
    }

    /** Signs with the app secret through pusher-http-java, as the app's auth endpoint would. */
    ChannelAuthorizer signer(String userId, Map<String, Object> userInfo) {
        return (channel, socketId) -> channel.startsWith("presence-")
                ? rest.authenticate(socketId, channel, new PresenceUser(userId, userInfo))
                : rest.authenticate(socketId, channel);
    }

    static void assertOk(Result result) {
        assertThat(result.getHttpStatus()).as(result.getMessage()).isEqualTo(200);
        assertThat(result.getStatus()).isEqualTo(Result.Status.SUCCESS);
    }

    // ------------------------------------------------------------------------------------------ connection

    @Test
    void portsAreBoundAndTheSocketIdHasPushersShape() {
        assertThat(server.wsPort()).isPositive();
        assertThat(server.httpPort()).isPositive().isNotEqualTo(server.wsPort());
        JavaClient c = client();
        assertThat(c.socketId()).matches("\\d+\\.\\d+");
        assertThat(server.connectionCount()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ public channels

    @Test
    void restTriggerReachesAPublicChannelAndNothingArrivesAfterUnsubscribe() {
        JavaClient c = client();
        c.subscribe("orders", "order.created");
        assertThat(poll(hooks)).isEqualTo("occupied orders");

        assertOk(rest.trigger("orders", "order.created", Map.of("id", 7)));
        PusherEvent event = poll(c.events);
        assertThat(event.getEventName()).isEqualTo("order.created");
        assertThat(event.getChannelName()).isEqualTo("orders");
        assertThat(event.getData()).isEqualTo("{\"id\":7}");

        c.pusher.unsubscribe("orders");
        assertThat(poll(hooks)).isEqualTo("vacated orders");
        assertOk(rest.trigger("orders", "order.created", Map.of("id", 8)));
        assertQuiet(c.events, 300);
        assertThat(server.occupiedChannels()).isEmpty();
    }

    @Test
    void anInProcessTriggerKeepsTheHttpApisLimitsAndFailsOnceTheServerIsClosed() {
        JavaClient c = client();
        c.subscribe("orders", "order.created");
        assertThat(poll(hooks)).isEqualTo("occupied orders");

        server.trigger(List.of("orders"), "order.created", "x".repeat(10 * 1024), null);
        assertThat(poll(c.events).getData()).hasSize(10 * 1024);

        var many = new ArrayList<String>();
        for (int i = 0; i < 101; i++) {
            many.add("c" + i);
        }
        assertThatThrownBy(() -> server.trigger(List.of("orders"), "order.created", "x".repeat(10 * 1024 + 1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Event data larger than 10240 bytes");
        assertThatThrownBy(() -> server.trigger(List.of("bad channel!"), "e", "d", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.trigger(many, "e", "d", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Too many channels: at most 100");
        assertThatThrownBy(() -> server.trigger(List.of("orders"), "e".repeat(201), "d", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.trigger(List.of(), "e", "d", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertQuiet(c.events, 300);

        server.close();
        assertThatThrownBy(() -> server.trigger("orders", "order.created", "{}"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void socketIdExclusionLeavesTheSenderOut() {
        JavaClient a = client();
        JavaClient b = client();
        a.subscribe("room", "said");
        b.subscribe("room", "said");

        assertOk(rest.trigger("room", "said", Map.of("t", "hi"), a.socketId()));
        assertThat(poll(b.events).getData()).isEqualTo("{\"t\":\"hi\"}");
        assertQuiet(a.events, 300);
    }

    @Test
    void batchTriggerDeliversEveryEvent() {
        JavaClient c = client();
        c.subscribe("a", "one", "two");
        c.subscribe("b", "three");

        assertOk(rest.trigger(List.of(new Event("a", "one", "1"), new Event("a", "two", "2"),
                new Event("b", "three", "3"))));
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PusherEvent e = poll(c.events);
            got.add(e.getChannelName() + "/" + e.getEventName() + "=" + e.getData());
        }
        assertThat(got).containsExactlyInAnyOrder("a/one=\"1\"", "a/two=\"2\"", "b/three=\"3\"");
    }

    @Test
    void oneEventToManyChannels() {
        JavaClient c = client();
        c.subscribe("x", "ev");
        c.subscribe("y", "ev");
        assertOk(rest.trigger(List.of("x", "y", "z"), "ev", "data"));
        assertThat(List.of(poll(c.events).getChannelName(), poll(c.events).getChannelName()))
                .containsExactlyInAnyOrder("x", "y");
    }

    // ------------------------------------------------------------------------------------------ private channels

    @Test
    void privateChannelAcceptsTheRightSignatureAndRefusesAWrongOne() {
        JavaClient good = client();
        good.subscribePrivate("private-tenant.1", "order.created");
        assertOk(rest.trigger("private-tenant.1", "order.created", Map.of("ok", true)));
        assertThat(poll(good.events).getData()).isEqualTo("{\"ok\":true}");

        JavaClient bad = client((channel, socketId) -> "{\"auth\":\"" + KEY + ":" + "0".repeat(64) + "\"}");
        PrivateChannel refused = bad.trySubscribePrivate("private-tenant.1");
        assertThat(poll(bad.errors)).startsWith("4009 Invalid signature");
        assertThat(refused.isSubscribed()).isFalse();
        assertThat(server.subscriptionCount("private-tenant.1")).isEqualTo(1);
        assertThat(bad.pusher.getConnection().getState()).isEqualTo(ConnectionState.CONNECTED);

        // a signature for another socket is as wrong as a made-up one
        JavaClient stolen = client((channel, socketId) -> rest.authenticate(good.socketId(), channel));
        stolen.trySubscribePrivate("private-tenant.1");
        assertThat(poll(stolen.errors)).startsWith("4009 Invalid signature");

        JavaClient wrongKey = client((channel, socketId) -> "{\"auth\":\"other:" + "0".repeat(64) + "\"}");
        wrongKey.trySubscribePrivate("private-tenant.1");
        assertThat(poll(wrongKey.errors)).startsWith("4009 Invalid key");
    }

    // ------------------------------------------------------------------------------------------ presence

    @Test
    void presenceCountsUsersNotConnections() {
        JavaClient alice = client(signer("alice", Map.of("name", "Alice")));
        PresenceChannel aliceChannel = alice.subscribePresence("presence-council");
        assertThat(aliceChannel.getUsers()).extracting(User::getId).containsExactly("alice");
        assertThat(aliceChannel.getMe().getInfo()).isEqualTo("{\"name\":\"Alice\"}");
        assertThat(poll(hooks)).isEqualTo("occupied presence-council");
        assertThat(poll(hooks)).isEqualTo("added presence-council alice {\"name\":\"Alice\"}");

        JavaClient bob = client(signer("bob", Map.of("name", "Bob")));
        PresenceChannel bobChannel = bob.subscribePresence("presence-council");
        assertThat(bobChannel.getUsers()).extracting(User::getId).containsExactlyInAnyOrder("alice", "bob");
        assertThat(poll(alice.members)).isEqualTo("+bob");
        assertThat(poll(hooks)).isEqualTo("added presence-council bob {\"name\":\"Bob\"}");

        // Bob opens a second tab: same user, no second member_added, still two users
        JavaClient bob2 = client(signer("bob", Map.of("name", "Bob")));
        bob2.subscribePresence("presence-council");
        assertQuiet(alice.members, 300);
        assertThat(server.presenceMembers("presence-council")).containsOnlyKeys("alice", "bob");
        assertThat(server.subscriptionCount("presence-council")).isEqualTo(3);
        assertThat(hooks).isEmpty();

        // closing one of Bob's two connections removes nobody
        bob2.close();
        assertQuiet(alice.members, 300);
        assertThat(server.presenceMembers("presence-council")).containsOnlyKeys("alice", "bob");

        // closing the last one does
        bob.close();
        assertThat(poll(alice.members)).isEqualTo("-bob");
        assertThat(poll(hooks)).isEqualTo("removed presence-council bob");
        assertThat(aliceChannel.getUsers()).extracting(User::getId).containsExactly("alice");
        assertThat(server.presenceMembers("presence-council")).containsOnlyKeys("alice");

        alice.pusher.unsubscribe("presence-council");
        assertThat(poll(hooks)).isEqualTo("removed presence-council alice");
        assertThat(poll(hooks)).isEqualTo("vacated presence-council");
    }

    @Test
    void presenceLimitsAreEnforced() throws Exception {
        server.close();
        server = LocalPusherServer.start(LocalPusherConfig.builder().appId(APP_ID).key(KEY).secret(SECRET)
                .maxPresenceMembers(2).build());
        rest.close();
        rest = new Pusher(server.restUrl());

        client(signer("u1", null)).subscribePresence("presence-small");
        client(signer("u2", null)).subscribePresence("presence-small");
        client(signer("u2", null)).subscribePresence("presence-small"); // a known user still gets in

        JavaClient third = client(signer("u3", null));
        third.pusher.subscribePresence("presence-small");
        assertThat(poll(third.errors)).startsWith("4100 The maximum members per presence channel");

        JavaClient big = client(signer("u4", Map.of("bio", "x".repeat(1100))));
        big.pusher.subscribePresence("presence-other");
        assertThat(poll(big.errors)).contains("user_info is larger than 1024 bytes");
    }

    // ------------------------------------------------------------------------------------------ client events

    @Test
    void anAppWithClientEventsOffRefusesThemAndDeliversNothing() throws Exception {
        server.close();
        server = LocalPusherServer.start(LocalPusherConfig.builder().appId(APP_ID).key(KEY).secret(SECRET)
                .clientEventsPerSecond(0).build());
        rest.close();
        rest = new Pusher(server.restUrl());
        JavaClient mallory = client();
        JavaClient owner = client();
        PrivateChannel channel = mallory.subscribePrivate("private-agent-1", "client-msg");
        owner.subscribePrivate("private-agent-1", "client-msg");

        channel.trigger("client-msg", "{\"phish\":true}");

        assertThat(poll(mallory.errors)).contains("you must enable this feature");
        assertQuiet(owner.events, 300);
    }

    @Test
    void clientEventsReachOthersButNotTheSender() {
        JavaClient alice = client(signer("alice", null));
        JavaClient bob = client(signer("bob", null));
        PresenceChannel aliceChannel = alice.subscribePresence("presence-room", "client-typing");
        bob.subscribePresence("presence-room", "client-typing");

        aliceChannel.trigger("client-typing", "{\"on\":true}");
        PusherEvent got = poll(bob.events);
        assertThat(got.getEventName()).isEqualTo("client-typing");
        assertThat(got.getUserId()).isEqualTo("alice");
        assertThat(Json.parse(got.getData()).get("on").asBoolean()).isTrue();
        assertQuiet(alice.events, 300);
        assertThat(hooks).contains("client presence-room client-typing alice");

        JavaClient p1 = client();
        JavaClient p2 = client();
        PrivateChannel ch1 = p1.subscribePrivate("private-chat", "client-msg");
        p2.subscribePrivate("private-chat", "client-msg");
        ch1.trigger("client-msg", "{\"x\":1}");
        PusherEvent msg = poll(p2.events);
        assertThat(msg.getUserId()).isNull();
        assertThat(msg.getData()).isEqualTo("{\"x\":1}");
        assertQuiet(p1.events, 300);
    }

    @Test
    void clientEventsOnPublicChannelsAreRejected() throws Exception {
        try (RawClient raw = RawClient.open(server, 7)) {
            raw.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"public\"}}");
            assertThat(raw.next("pusher_internal:subscription_succeeded")).isNotNull();
            raw.send("{\"event\":\"client-x\",\"channel\":\"public\",\"data\":{}}");
            assertThat(raw.next("pusher:error").get("data").get("message").asString())
                    .contains("only supported on private and presence channels");
        }
    }

    // ------------------------------------------------------------------------------------------ HTTP API

    @Test
    void badSignaturesGet401() throws Exception {
        try (Pusher wrong = new Pusher(APP_ID, KEY, "not-the-secret")) {
            wrong.setHost(server.host() + ":" + server.httpPort());
            Result result = wrong.trigger("c", "e", "d");
            assertThat(result.getHttpStatus()).isEqualTo(401);
            assertThat(result.getStatus()).isEqualTo(Result.Status.AUTHENTICATION_ERROR);
        }

        // a correctly signed request whose timestamp is 20 minutes old
        String body = "{\"name\":\"e\",\"channels\":[\"c\"],\"data\":\"d\"}";
        long old = Instant.now().minusSeconds(1200).getEpochSecond();
        assertThat(post("/apps/" + APP_ID + "/events", body, old, SECRET).statusCode()).isEqualTo(401);
        assertThat(post("/apps/" + APP_ID + "/events", body, Instant.now().getEpochSecond(), SECRET).statusCode())
                .isEqualTo(200);
        // tampered body: body_md5 no longer matches
        assertThat(postTampered("/apps/" + APP_ID + "/events", body).statusCode()).isEqualTo(401);
    }

    @Test
    void oversizeDataGets413AndBadBodies400() throws Exception {
        Result big = rest.trigger("c", "e", "x".repeat(10 * 1024 + 1));
        assertThat(big.getHttpStatus()).isEqualTo(413);

        Result fits = rest.trigger("c", "e", "x".repeat(10 * 1024 - 2)); // Gson adds the quotes
        assertOk(fits);

        long now = Instant.now().getEpochSecond();
        String path = "/apps/" + APP_ID + "/events";
        assertThat(post(path, "not json", now, SECRET).statusCode()).isEqualTo(400);
        assertThat(post(path, "{\"name\":\"e\",\"channels\":[\"c\"],\"data\":{\"not\":\"a string\"}}", now, SECRET)
                .statusCode()).isEqualTo(400);
        assertThat(post(path, "{\"name\":\"e\",\"channels\":[\"bad channel!\"],\"data\":\"d\"}", now, SECRET)
                .statusCode()).isEqualTo(400);
        assertThat(post(path, "{\"name\":\"e\",\"channels\":[\"" + "c".repeat(165) + "\"],\"data\":\"d\"}", now,
                SECRET).statusCode()).isEqualTo(400);
        assertThat(post(path, "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"d\",\"socket_id\":\"nope\"}", now, SECRET)
                .statusCode()).isEqualTo(400);
        StringBuilder many = new StringBuilder("{\"name\":\"e\",\"data\":\"d\",\"channels\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i > 0 ? "," : "").append("\"c").append(i).append('"');
        }
        assertThat(post(path, many.append("]}").toString(), now, SECRET).statusCode()).isEqualTo(400);

        List<Event> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(new Event("c", "e", "d"));
        }
        assertThat(rest.trigger(eleven).getHttpStatus()).isEqualTo(400);
        assertThat(post("/apps/other/events", "{}", now, SECRET).statusCode()).isEqualTo(404);
    }

    @Test
    void channelsCanBeQueried() throws Exception {
        JavaClient a = client(signer("alice", null));
        JavaClient b = client(signer("bob", null));
        a.subscribe("public-1");
        a.subscribePresence("presence-p");
        b.subscribePresence("presence-p");
        b.subscribe("public-1");

        Result all = rest.get("/channels");
        assertOk(all);
        assertThat(json(all).get("channels").propertyNames()).containsExactlyInAnyOrder("public-1", "presence-p");

        Result presence = rest.get("/channels", Map.of("filter_by_prefix", "presence-", "info", "user_count"));
        assertOk(presence);
        assertThat(json(presence).get("channels").get("presence-p").get("user_count").asInt()).isEqualTo(2);
        assertThat(rest.get("/channels", Map.of("info", "user_count")).getHttpStatus()).isEqualTo(400);

        Result one = rest.get("/channels/public-1", Map.of("info", "subscription_count"));
        assertOk(one);
        assertThat(json(one).get("occupied").asBoolean()).isTrue();
        assertThat(json(one).get("subscription_count").asInt()).isEqualTo(2);

        Result p = rest.get("/channels/presence-p", Map.of("info", "user_count,subscription_count"));
        assertThat(json(p).get("user_count").asInt()).isEqualTo(2);
        assertThat(json(p).get("subscription_count").asInt()).isEqualTo(2);

        Result empty = rest.get("/channels/nobody-here");
        assertThat(json(empty).get("occupied").asBoolean()).isFalse();

        Result users = rest.get("/channels/presence-p/users");
        assertOk(users);
        List<String> ids = new ArrayList<>();
        json(users).get("users").forEach(u -> ids.add(u.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder("alice", "bob");
        assertThat(rest.get("/channels/public-1/users").getHttpStatus()).isEqualTo(400);

        try (Pusher wrong = new Pusher(APP_ID, KEY, "not-the-secret")) {
            wrong.setHost(server.host() + ":" + server.httpPort());
            assertThat(wrong.get("/channels").getHttpStatus()).isEqualTo(401);
            assertThat(wrong.get("/channels/presence-p/users").getHttpStatus()).isEqualTo(401);
        }

        Result info = rest.post("/events",
                "{\"name\":\"e\",\"channels\":[\"public-1\"],\"data\":\"d\",\"info\":\"subscription_count\"}");
        assertOk(info);
        assertThat(json(info).get("channels").get("public-1").get("subscription_count").asInt()).isEqualTo(2);
    }

    // ------------------------------------------------------------------------------------------ sign-in

    @Test
    void signedInUsersCanBeTerminated() throws Exception {
        JavaClient c = JavaClient.connect(server, signer(null, null), socketId -> {
            String userData = "{\"id\":\"carol\"}";
            return "{\"auth\":\"" + PusherSignatures.userAuth(KEY, SECRET, socketId, userData)
                    + "\",\"user_data\":" + Json.quote(userData) + "}";
        });
        clients.add(c);
        c.pusher.signin();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.subscriptionCount("#server-to-user-carol") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        // the client subscribed to its own server-to-user channel after pusher:signin_success
        assertThat(server.subscriptionCount("#server-to-user-carol")).isEqualTo(1);

        assertOk(rest.post("/users/carol/terminate_connections", "{}"));
        assertThat(poll(c.errors)).startsWith("4009");
        ConnectionState state;
        do {
            state = poll(c.states);
        } while (state != null && state != ConnectionState.DISCONNECTED);
        assertThat(state).isEqualTo(ConnectionState.DISCONNECTED);
    }

    // ------------------------------------------------------------------------------------------ helpers

    static JsonNode json(Result result) {
        return Json.parse(result.getMessage());
    }

    HttpResponse<String> post(String path, String body, long timestamp, String secret) throws Exception {
        Map<String, String> params = new TreeMap<>();
        params.put("auth_key", KEY);
        params.put("auth_timestamp", Long.toString(timestamp));
        params.put("auth_version", "1.0");
        params.put("body_md5", PusherSignatures.md5Hex(body.getBytes(StandardCharsets.UTF_8)));
        String signature = PusherSignatures.restSignature(secret, "POST", path, params);
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(k).append('=').append(v).append('&'));
        query.append("auth_signature=").append(signature);
        return send(path + "?" + query, body);
    }

    HttpResponse<String> postTampered(String path, String body) throws Exception {
        Map<String, String> params = new TreeMap<>();
        params.put("auth_key", KEY);
        params.put("auth_timestamp", Long.toString(Instant.now().getEpochSecond()));
        params.put("auth_version", "1.0");
        params.put("body_md5", PusherSignatures.md5Hex(body.getBytes(StandardCharsets.UTF_8)));
        String signature = PusherSignatures.restSignature(SECRET, "POST", path, params);
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(k).append('=').append(v).append('&'));
        query.append("auth_signature=").append(signature);
        return send(path + "?" + query, body.replace("\"d\"", "\"evil\""));
    }

    private HttpResponse<String> send(String pathAndQuery, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.httpBaseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
