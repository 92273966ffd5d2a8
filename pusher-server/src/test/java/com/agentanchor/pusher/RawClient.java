package com.agentanchor.pusher;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

import tools.jackson.databind.JsonNode;

/** A bare WebSocket client speaking the protocol by hand, for what the Pusher libraries never send. */
final class RawClient extends WebSocketClient implements AutoCloseable {

    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    volatile boolean answerPings = true;

    RawClient(URI uri) {
        super(uri);
        setConnectionLostTimeout(0);
    }

    static RawClient open(LocalPusherServer server, int protocol) throws InterruptedException {
        return open(URI.create("ws://" + server.host() + ":" + server.wsPort() + "/app/" + server.config().key()
                + "?protocol=" + protocol + "&client=raw&version=1"));
    }

    static RawClient open(URI uri) throws InterruptedException {
        RawClient client = new RawClient(uri);
        client.connectBlocking(5, TimeUnit.SECONDS); // false when the server closed it at once: tests check why
        return client;
    }

    /**
     * The next message named {@code event}, skipping others; null after 20 s. No test waits for a message that should
     * not come, so the wait costs only a failing test its time; 5 s once ran out in CI on the two busy cores (the
     * bystander's subscription confirmation in {@code HostileClientTests}' set-up), which 300 tries alone never did.
     */
    JsonNode next(String event) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode m = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
            if (m == null || event.equals(m.path("event").asString())) {
                return m;
            }
        }
    }

    /** The data of a message, decoded when it is a JSON string. */
    static JsonNode data(JsonNode message) {
        JsonNode data = message.get("data");
        return data != null && data.isString() ? Json.parse(data.stringValue()) : data;
    }

    int awaitClose() throws Exception {
        return closeCode.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata f) {
        if (answerPings) {
            super.onWebsocketPing(conn, f);
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
        messages.add(Json.parse(message));
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode.complete(code);
    }

    @Override
    public void onError(Exception ex) {
    }
}
