package com.agentanchor.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import tools.jackson.databind.JsonNode;

/** The wire protocol by hand: what the libraries do not show. */
@Timeout(60)
class ProtocolTests {

    LocalPusherServer server;

    @BeforeEach
    void start() {
        server = LocalPusherServer.start(LocalPusherConfig.builder().appId("1").key("k").secret("s")
                .activityTimeout(Duration.ofMillis(600)).pongTimeout(Duration.ofMillis(600)).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void connectionEstablishedCarriesSocketIdAndActivityTimeout() throws Exception {
        try (RawClient c = RawClient.open(server, 7)) {
            JsonNode data = RawClient.data(c.next("pusher:connection_established"));
            assertThat(data.get("socket_id").asString()).matches("\\d+\\.\\d+");
            assertThat(data.get("activity_timeout").asInt()).isEqualTo(1);

            c.send("{\"event\":\"pusher:ping\",\"data\":{}}");
            assertThat(c.next("pusher:pong")).isNotNull();
        }
    }

    @Test
    void wrongKeyIsRefusedWith4001() throws Exception {
        try (RawClient c = RawClient.open(URI.create("ws://" + server.host() + ":" + server.wsPort()
                + "/app/wrong?protocol=7&client=js&version=8"))) {
            assertThat(c.next("pusher:error").get("data").get("code").asInt()).isEqualTo(4001);
            assertThat(c.awaitClose()).isEqualTo(4001);
        }
    }

    @Test
    void unsupportedProtocolIsRefusedWith4007() throws Exception {
        try (RawClient c = RawClient.open(server, 4)) {
            assertThat(c.next("pusher:error").get("data").get("code").asInt()).isEqualTo(4007);
            assertThat(c.awaitClose()).isEqualTo(4007);
        }
        try (RawClient c = RawClient.open(URI.create("ws://" + server.host() + ":" + server.wsPort() + "/app/k"))) {
            assertThat(c.awaitClose()).isEqualTo(4007);
        }
    }

    @Test
    void aClientThatAnswersPingsStaysAndOneThatDoesNotIsClosedWith4201() throws Exception {
        try (RawClient alive = RawClient.open(server, 5); RawClient dead = RawClient.open(server, 7)) {
            dead.answerPings = false;
            // protocol 7 also gets pusher:ping; the dead client ignores both kinds
            assertThat(dead.next("pusher:ping")).isNotNull();
            assertThat(dead.awaitClose()).isEqualTo(4201);
            Thread.sleep(1500); // two more activity periods
            assertThat(alive.isOpen()).isTrue();
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void privateSubscriptionWithABadSignatureGetsBothErrorShapes() throws Exception {
        try (RawClient c = RawClient.open(server, 7)) {
            String socketId = RawClient.data(c.next("pusher:connection_established")).get("socket_id").asString();
            c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-x\",\"auth\":\"k:bad\"}}");
            JsonNode subscriptionError = c.next("pusher:subscription_error");
            assertThat(subscriptionError.get("channel").asString()).isEqualTo("private-x");
            assertThat(subscriptionError.get("data").get("status").asInt()).isEqualTo(401);
            assertThat(c.next("pusher:error").get("data").get("code").asInt()).isEqualTo(4009);

            String auth = PusherSignatures.channelAuth("k", "s", socketId, "private-x", null);
            c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-x\",\"auth\":\"" + auth + "\"}}");
            JsonNode ok = c.next("pusher_internal:subscription_succeeded");
            assertThat(ok.get("channel").asString()).isEqualTo("private-x");
        }
    }

    @Test
    void presenceSubscriptionSucceededCarriesIdsHashAndCount() throws Exception {
        try (RawClient c = RawClient.open(server, 7)) {
            String socketId = RawClient.data(c.next("pusher:connection_established")).get("socket_id").asString();
            String channelData = "{\"user_id\":17,\"user_info\":{\"name\":\"V\"}}";
            String auth = PusherSignatures.channelAuth("k", "s", socketId, "presence-v", channelData);
            c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-v\",\"auth\":\"" + auth
                    + "\",\"channel_data\":" + Json.quote(channelData) + "}}");
            JsonNode presence = RawClient.data(c.next("pusher_internal:subscription_succeeded")).get("presence");
            assertThat(presence.get("count").asInt()).isEqualTo(1);
            assertThat(presence.get("ids").get(0).asString()).isEqualTo("17");
            assertThat(presence.get("hash").get("17").get("name").asString()).isEqualTo("V");
        }
    }

    @Test
    void listenersHearOccupiedAndVacatedInOrder() throws Exception {
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        server.addListener(new LocalPusherListener() {
            @Override
            public void channelOccupied(String channel) {
                seen.add("+" + channel);
            }

            @Override
            public void channelVacated(String channel) {
                seen.add("-" + channel);
            }
        });
        try (RawClient c = RawClient.open(server, 7)) {
            c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"a\"}}");
            c.next("pusher_internal:subscription_succeeded");
            c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"b\"}}");
            c.next("pusher_internal:subscription_succeeded");
            c.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"a\"}}");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (seen.size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(seen).containsExactly("+a", "+b", "-a", "-b");
    }

    @Test
    void clientEventsNeedASubscription() throws Exception {
        try (RawClient c = RawClient.open(server, 7)) {
            c.send("{\"event\":\"client-x\",\"channel\":\"private-y\",\"data\":{}}");
            assertThat(c.next("pusher:error").get("data").get("message").asString()).contains("not subscribed");
        }
    }

    @Test
    void invalidChannelNamesAreRefused() throws Exception {
        try (RawClient c = RawClient.open(server, 7)) {
            c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + "a".repeat(165) + "\"}}");
            assertThat(c.next("pusher:subscription_error").get("data").get("error").asString()).contains("too long");
            c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"no spaces\"}}");
            assertThat(c.next("pusher:subscription_error").get("data").get("error").asString()).contains("Invalid");
            c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"#server-to-user-x\"}}");
            assertThat(c.next("pusher:subscription_error").get("data").get("status").asInt()).isEqualTo(401);
        }
        assertThat(server.occupiedChannels()).isEmpty();
    }

    @Test
    void closeAsksClientsToReconnect() throws Exception {
        RawClient c = RawClient.open(server, 7);
        c.next("pusher:connection_established");
        server.close();
        assertThat(c.awaitClose()).isEqualTo(4200);
        assertThat(server.isRunning()).isFalse();
    }
}
