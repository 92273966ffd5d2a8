package com.agentanchor.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import tools.jackson.databind.JsonNode;

/**
 * Clients that break the rules on purpose, each refused the way Pusher's protocol says (4xxx codes, or RFC 6455's own
 * for what is broken at the WebSocket level), while a well-behaved client on the same server keeps receiving.
 */
@Timeout(60)
class HostileClientTests {

    static final String PING = "{\"event\":\"pusher:ping\",\"data\":{}}";

    LocalPusherServer server;
    RawClient bystander;

    @BeforeEach
    void start() throws Exception {
        server = LocalPusherServer.start(LocalPusherConfig.builder().appId("1").key("k").secret("s")
                .maxConnectionsPerAddress(6).maxChannelsPerConnection(20).maxQueuedFramesPerConnection(64).build());
        bystander = RawClient.open(server, 7);
        assertThat(bystander.next("pusher:connection_established")).as("the bystander connected").isNotNull();
        bystander.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"news\"}}");
        assertThat(bystander.next("pusher_internal:subscription_succeeded")).as("the bystander subscribed").isNotNull();
    }

    @AfterEach
    void stop() throws Exception {
        bystander.close();
        server.close();
    }

    /** The well-behaved client still receives what is published after the abuse. */
    void bystanderStillReceives() throws Exception {
        server.trigger("news", "still-here", "{}");
        assertThat(bystander.next("still-here")).isNotNull();
        assertThat(bystander.isOpen()).isTrue();
    }

    @Test
    void anUnmaskedClientFrameClosesTheConnectionWith1002() throws Exception {
        try (var raw = RawSocket.open(server)) {
            assertThat(raw.next(RawSocket.TEXT, "pusher:connection_established")).isNotNull();
            raw.sendText(PING, true);
            assertThat(raw.next(RawSocket.TEXT, "pusher:pong")).isNotNull();

            raw.sendText(PING, false);
            var answer = raw.read();
            assertThat(answer).isNotNull();
            assertThat(answer.opcode()).as(answer.text()).isEqualTo(RawSocket.CLOSE);
            assertThat(answer.closeCode()).isEqualTo(1002);
        }
        bystanderStillReceives();
    }

    @Test
    void malformedFramesAreClosedWith1002AndMalformedMessagesAnsweredWithAnError() throws Exception {
        try (var reserved = RawSocket.open(server); var rsv = RawSocket.open(server); var json = RawSocket.open(server)) {
            reserved.send(0x80 | 0x3, new byte[0], true); // opcode 3 is reserved
            assertThat(reserved.next(RawSocket.CLOSE, null).closeCode()).isEqualTo(1002);
            rsv.send(0x80 | 0x40 | RawSocket.TEXT, PING.getBytes(StandardCharsets.UTF_8), true); // RSV1, no extension
            assertThat(rsv.next(RawSocket.CLOSE, null).closeCode()).isEqualTo(1002);

            json.sendText("{not json", true);
            assertThat(json.next(RawSocket.TEXT, "pusher:error")).isNotNull();
            json.sendText(PING, true); // still served
            assertThat(json.next(RawSocket.TEXT, "pusher:pong")).isNotNull();
        }
        bystanderStillReceives();
    }

    @Test
    void oversizedMessagesAreRefused() throws Exception {
        try (var c = RawClient.open(server, 7); var raw = RawSocket.open(server)) {
            String socketId = RawClient.data(c.next("pusher:connection_established")).get("socket_id").asString();
            String auth = PusherSignatures.channelAuth("k", "s", socketId, "private-big", null);
            c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-big\",\"auth\":\"" + auth + "\"}}");
            assertThat(c.next("pusher_internal:subscription_succeeded")).isNotNull();
            // 11 KB of data in a client event: refused, the connection stays
            c.send("{\"event\":\"client-big\",\"channel\":\"private-big\",\"data\":\"" + "x".repeat(11 * 1024) + "\"}");
            assertThat(c.next("pusher:error").get("data").get("message").asString()).contains("larger than");
            assertThat(c.isOpen()).isTrue();

            // 100 KB in one frame is more than any valid message: the connection is closed, in Pusher's terms
            raw.sendText("{\"event\":\"pusher:ping\",\"data\":\"" + "x".repeat(100 * 1024) + "\"}", true);
            assertThat(raw.next(RawSocket.CLOSE, null).closeCode()).isEqualTo(MaskedClientFrames.MESSAGE_TOO_BIG);
        }
        // So are 80 KB in two fragments of 40 KB, neither too big alone.
        try (var raw = RawSocket.open(server)) {
            var half = "x".repeat(40 * 1024).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            raw.send(RawSocket.TEXT, half, true); // FIN clear: more to come
            raw.send(0x80, half, true); // FIN, continuation
            assertThat(raw.next(RawSocket.CLOSE, null).closeCode()).isEqualTo(MaskedClientFrames.MESSAGE_TOO_BIG);
        }
        bystanderStillReceives();
    }

    @Test
    void forgedSignaturesAreRefusedWith4009() throws Exception {
        try (var sub = RawClient.open(server, 7); var signin = RawClient.open(server, 7)) {
            String socketId = RawClient.data(sub.next("pusher:connection_established")).get("socket_id").asString();
            // signed for another socket: a replay
            String stolen = PusherSignatures.channelAuth("k", "s", "1." + socketId, "private-x", null);
            sub.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-x\",\"auth\":\"" + stolen + "\"}}");
            assertThat(sub.next("pusher:error").get("data").get("code").asInt()).isEqualTo(4009);
            // signed with another secret
            String forged = PusherSignatures.channelAuth("k", "not-s", socketId, "presence-x", "{\"user_id\":\"1\"}");
            sub.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-x\",\"auth\":\"" + forged
                    + "\",\"channel_data\":\"{\\\"user_id\\\":\\\"1\\\"}\"}}");
            assertThat(sub.next("pusher:error").get("data").get("code").asInt()).isEqualTo(4009);
            assertThat(server.occupiedChannels()).containsExactly("news");

            signin.next("pusher:connection_established");
            signin.send("{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"k:forged\",\"user_data\":\"{\\\"id\\\":\\\"1\\\"}\"}}");
            assertThat(signin.awaitClose()).isEqualTo(4009);
        }
        bystanderStillReceives();
    }

    @Test
    void oneClientCannotTakeEveryChannelOrConnection() throws Exception {
        try (var greedy = RawClient.open(server, 7)) {
            greedy.next("pusher:connection_established");
            for (int i = 0; i < 20; i++) {
                greedy.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"c" + i + "\"}}");
                assertThat(greedy.next("pusher_internal:subscription_succeeded")).isNotNull();
            }
            greedy.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"one-too-many\"}}");
            JsonNode refused = greedy.next("pusher:subscription_error");
            assertThat(refused.get("data").get("status").asInt()).isEqualTo(403);
            assertThat(greedy.next("pusher:error").get("data").get("code").asInt()).isEqualTo(4100);
            assertThat(server.subscriptionCount("one-too-many")).isZero();
            assertThat(greedy.isOpen()).isTrue();

            // The bystander and the greedy client are two of the six this address may hold.
            var more = new ArrayList<RawClient>();
            try {
                for (int i = 0; i < 4; i++) {
                    var c = RawClient.open(server, 7);
                    more.add(c);
                    assertThat(c.next("pusher:connection_established")).isNotNull();
                }
                var seventh = RawClient.open(URI.create("ws://" + server.host() + ":" + server.wsPort()
                        + "/app/k?protocol=7&client=raw&version=1"));
                assertThat(seventh.awaitClose()).isEqualTo(4100);
                assertThat(server.connectionCount()).isEqualTo(6);
            } finally {
                for (var c : more) {
                    c.close();
                }
            }
        }
        bystanderStillReceives();
    }

    @Test
    void aClientThatStopsReadingIsClosedWith4100AndOthersKeepReceiving() throws Exception {
        try (var slow = RawSocket.open(server, 4096)) {
            assertThat(slow.next(RawSocket.TEXT, "pusher:connection_established")).isNotNull();
            slow.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"news\"}}", true);
            assertThat(slow.next(RawSocket.TEXT, "subscription_succeeded")).isNotNull();

            // The slow client reads nothing while 32 MB go out, at the pace the bystander reads them: more than the
            // socket buffers hold, so frames queue up for the slow one only, until the server gives up on it.
            var data = "y".repeat(8 * 1024);
            for (int i = 0; i < 4000; i++) {
                server.trigger("news", "flood", data);
                assertThat(bystander.next("flood")).as("flood event %d", i).isNotNull();
            }
            var closed = slow.next(RawSocket.CLOSE, null);
            assertThat(closed).isNotNull();
            assertThat(closed.closeCode()).isEqualTo(4100);
        }
        bystanderStillReceives();
    }
}
