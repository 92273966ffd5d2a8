package com.agentanchor.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import com.agentanchor.AgentAnchorApplication;
import com.agentanchor.platform.realtime.local.LocalPusherConfig;
import com.agentanchor.platform.realtime.local.LocalPusherServer;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;

import tools.jackson.databind.json.JsonMapper;

/**
 * Realtime latency on loopback, printed, not asserted:
 * <ol>
 * <li>commit → client: the running app (embedded PostgreSQL, local Pusher server) registers 1,000 agents through
 * its API; an unmodified pusher-java-client subscribed to the owner's private channel receives each
 * {@code notification}; latency is its arrival minus the event's timestamp, taken inside the registering
 * transaction just before commit;</li>
 * <li>the local server alone, with 500 subscribed WebSocket clients receiving 1 message/s each, triggered through
 * pusher-http-java: (a) 500 channels of one client each, triggers spread evenly over each second; (b) one channel
 * of 500 clients, one trigger per second (fan-out).</li>
 * </ol>
 * Run: see docs/benchmarks.md.
 */
public final class RealtimeBenchmark {

    static final int COMMITS = 1_000;
    static final int CLIENTS = 500;
    static final int SECONDS = 20;

    public static void main(String[] args) throws Exception {
        commitToClient();
        serverAlone(false);
        serverAlone(true);
        System.exit(0);
    }

    static void commitToClient() throws Exception {
        try (var app = new SpringApplicationBuilder(AgentAnchorApplication.class).run("--server.port=0",
                "--agentanchor.realtime.local-ws-port=0", "--logging.level.com.agentanchor.requests=WARN")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var server = app.getBean(LocalPusherServer.class);
            var http = HttpClient.newHttpClient();
            var json = JsonMapper.builder().build();
            var token = json.readTree(send(http, "http://localhost:" + port + "/dev/token", null,
                    "{\"sub\":\"bench\",\"email\":\"bench@example.test\"}")).get("access_token").asString();
            var me = json.readTree(send(http, "http://localhost:" + port + "/api/profiles/me", token, null)).get("id")
                    .asString();

            var latencies = new long[COMMITS];
            var received = new AtomicInteger();
            var measuring = new java.util.concurrent.atomic.AtomicBoolean();
            var all = new CountDownLatch(COMMITS);
            var options = new PusherOptions().setHost("localhost").setWsPort(server.wsPort()).setUseTLS(false)
                    .setChannelAuthorizer((channel, socketId) -> send(http, "http://localhost:" + port
                            + "/api/realtime/auth", token, "socket_id=" + socketId + "&channel_name=" + channel));
            var client = new Pusher(server.config().key(), options);
            var connected = new CountDownLatch(1);
            client.connect(new ConnectionEventListener() {
                @Override
                public void onConnectionStateChange(ConnectionStateChange change) {
                    if (change.getCurrentState() == ConnectionState.CONNECTED) {
                        connected.countDown();
                    }
                }

                @Override
                public void onError(String message, String code, Exception e) {
                }
            }, ConnectionState.ALL);
            connected.await(10, TimeUnit.SECONDS);
            var subscribed = new CountDownLatch(1);
            client.subscribePrivate("private-user-" + me, new PrivateChannelEventListener() {
                @Override
                public void onEvent(PusherEvent event) {
                    var arrived = Instant.now();
                    long now = arrived.getEpochSecond() * 1_000_000 + arrived.getNano() / 1000;
                    var stamp = Instant.parse(json.readTree(event.getData()).get("timestamp").asString());
                    long sent = stamp.getEpochSecond() * 1_000_000 + stamp.getNano() / 1000;
                    if (!measuring.get()) {
                        received.incrementAndGet();
                        return;
                    }
                    int i = received.getAndIncrement();
                    if (i < COMMITS) {
                        latencies[i] = now - sent;
                    }
                    all.countDown();
                }

                @Override
                public void onSubscriptionSucceeded(String channel) {
                    subscribed.countDown();
                }

                @Override
                public void onAuthenticationFailure(String message, Exception e) {
                    System.err.println("subscription refused: " + message);
                }
            }, "notification");
            subscribed.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < 50; i++) { // warm up, not measured: these notifications are drained first
                send(http, "http://localhost:" + port + "/api/agents", token, "{\"name\":\"warm-up " + i + "\"}");
            }
            while (received.get() < 50) {
                Thread.sleep(10);
            }
            received.set(0);
            measuring.set(true);
            long start = System.nanoTime();
            for (int i = 0; i < COMMITS; i++) {
                send(http, "http://localhost:" + port + "/api/agents", token, "{\"name\":\"bench " + i + "\"}");
            }
            all.await(60, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            client.disconnect();
            var got = Math.min(received.get(), COMMITS);
            var sorted = Arrays.copyOf(latencies, got);
            Arrays.sort(sorted);
            System.out.printf("%nCommit -> pusher-java-client, %,d agent registrations through the API (%.0f/s):%n"
                    + "  received %,d of %,d; p50 %.2f ms, p99 %.2f ms, max %.2f ms   (target p99 < 50 ms)%n",
                    COMMITS, COMMITS / seconds, got, COMMITS, sorted[got / 2] / 1e3, sorted[(int) (got * 0.99)] / 1e3,
                    sorted[got - 1] / 1e3);
        }
    }

    static void serverAlone(boolean fanOut) throws Exception {
        var callbacks = Executors.newFixedThreadPool(2);
        var http = HttpClient.newBuilder().executor(callbacks).build();
        var sockets = new ArrayList<WebSocket>();
        int messages = CLIENTS * SECONDS; // each client gets one message a second either way
        var latencies = new AtomicLongArray(messages);
        var received = new AtomicInteger();
        var sentAt = new AtomicLongArray(SECONDS * CLIENTS);
        try (var server = LocalPusherServer.start(LocalPusherConfig.builder().appId("bench").key("k").secret("s")
                .build()); var rest = new com.pusher.rest.Pusher(server.restUrl())) {
            var uri = URI.create("ws://127.0.0.1:" + server.wsPort() + "/app/k?protocol=7&client=bench&version=1");
            for (int c = 0; c < CLIENTS; c++) {
                var channel = fanOut ? "bench" : "bench-" + c;
                sockets.add(http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
                    final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            var message = partial.toString();
                            partial.setLength(0);
                            long now = System.nanoTime();
                            if (message.startsWith("{\"event\":\"perf\"")) {
                                int at = message.indexOf("\"data\":\"") + 8;
                                int seq = Integer.parseInt(message.substring(at, message.indexOf('"', at)));
                                int i = received.getAndIncrement();
                                if (i < messages) {
                                    latencies.set(i, now - sentAt.get(seq));
                                }
                            } else if (message.contains("pusher:connection_established")) {
                                ws.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel
                                        + "\"}}", true);
                            }
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (subscribers(server, fanOut) < CLIENTS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            for (int i = 0; i < 200; i++) {
                rest.trigger("warm-up", "w", "x");
            }
            int seq = 0;
            long begin = System.nanoTime();
            for (int second = 0; second < SECONDS; second++) {
                if (fanOut) {
                    sleepUntil(begin + TimeUnit.SECONDS.toNanos(second));
                    sentAt.set(seq, System.nanoTime());
                    rest.trigger("bench", "perf", seq++); // Gson sends the number as data "7"
                } else {
                    for (int c = 0; c < CLIENTS; c++) {
                        sleepUntil(begin + TimeUnit.SECONDS.toNanos(second) + TimeUnit.SECONDS.toNanos(1) * c / CLIENTS);
                        sentAt.set(seq, System.nanoTime());
                        rest.trigger("bench-" + c, "perf", seq++);
                    }
                }
            }
            Thread.sleep(2000);
            int got = Math.min(received.get(), messages);
            var sorted = new long[got];
            for (int i = 0; i < got; i++) {
                sorted[i] = latencies.get(i);
            }
            Arrays.sort(sorted);
            System.out.printf("%nLocal server alone, %d WebSocket clients at 1 msg/s each for %d s, %s:%n"
                    + "  delivered %,d of %,d; p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms   (target p95 < 5 ms)%n",
                    CLIENTS, SECONDS, fanOut ? "one channel, one trigger per second (fan-out to all 500)"
                            : "500 channels, 500 triggers per second spread evenly",
                    got, messages, sorted[got / 2] / 1e6, sorted[(int) (got * 0.95)] / 1e6,
                    sorted[(int) (got * 0.99)] / 1e6, sorted[got - 1] / 1e6);
        } finally {
            sockets.forEach(WebSocket::abort);
            callbacks.shutdownNow();
        }
    }

    private static int subscribers(LocalPusherServer server, boolean fanOut) {
        return fanOut ? server.subscriptionCount("bench") : server.occupiedChannels().size();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static String send(HttpClient http, String url, String token, String body) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", body.startsWith("{") ? "application/json"
                        : "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
