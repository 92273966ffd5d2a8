package com.agentanchor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import com.agentanchor.AgentAnchorApplication;
import com.agentanchor.pusher.LocalPusherConfig;
import com.agentanchor.pusher.LocalPusherServer;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import com.sun.net.httpserver.HttpServer;

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
 * of 500 clients, one trigger per second (fan-out). Each case runs twice: with JDK {@code java.net.http.WebSocket}
 * clients, and with {@link NioWebSocketClients}, one thread for all 500, so that the clients' share of the two
 * cores is small; for (b) it also prints the server's queuing time, the timeline and CPU per trigger;</li>
 * <li>the floors under (b), with no WebSocket library: what 500 loopback socket writes cost one thread; the
 * fan-out itself, one or two threads writing a frame to 500 sockets while one thread reads them; the trigger's way
 * into a server that does nothing with it; and the sum of the last two, the least case (b) could print here.</li>
 * </ol>
 * Run: see docs/benchmarks.md.
 */
public final class RealtimeBenchmark {

    static final int COMMITS = 1_000;
    static final int CLIENTS = 500;
    static final int SECONDS = 20;
    /** A {@code perf} event's frame as case (b) sends it: a two-byte header and its text. */
    static final int PERF_FRAME_BYTES = 2 + "{\"event\":\"perf\",\"channel\":\"bench\",\"data\":\"7\"}".length();

    public static void main(String[] args) throws Exception {
        commitToClient();
        for (boolean fanOut : new boolean[] {false, true}) {
            serverAlone(fanOut, Clients.JDK);
            serverAlone(fanOut, Clients.LIGHT);
        }
        loopbackWrites();
        loopbackFanOut(1);
        double fanOut = loopbackFanOut(2);
        double trigger = triggerAlone();
        System.out.printf("%nFloor under case (b): the trigger alone (handler entered, p50) %.2f ms + the loopback"
                + " fan-out alone (2 writers, p95) %.2f ms = %.2f ms   (target p95 < 5 ms)%n", trigger, fanOut,
                trigger + fanOut);
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

    /** Who receives in {@link #serverAlone}: the two kinds of client, named in the printed line. */
    enum Clients {
        JDK("JDK java.net.http.WebSocket clients"),
        LIGHT("light NIO clients (one thread, one selector)");

        final String label;

        Clients(String label) {
            this.label = label;
        }
    }

    static void serverAlone(boolean fanOut, Clients kind) throws Exception {
        int messages = CLIENTS * SECONDS; // each client gets one message a second either way
        var latencies = new AtomicLongArray(messages);
        var received = new AtomicInteger();
        var sentAt = new AtomicLongArray(messages);
        var firstAt = new AtomicLongArray(messages); // per trigger: when its first and last frame were read
        var lastAt = new AtomicLongArray(messages);
        for (int i = 0; i < messages; i++) {
            firstAt.set(i, Long.MAX_VALUE);
        }
        NioWebSocketClients.PerfListener perf = (seq, arrived) -> {
            int i = received.getAndIncrement();
            if (i < messages) {
                latencies.set(i, arrived - sentAt.get(seq));
            }
            firstAt.accumulateAndGet(seq, arrived, Math::min);
            lastAt.accumulateAndGet(seq, arrived, Math::max);
        };
        // The trigger's HTTP exchange as the REST client's own interceptors see it: the request about to be written,
        // the response head read. The server answers only after queuing the frame to every subscriber, so this
        // window holds, and bounds from above, the server's time from accepting the request to the last frame queued.
        var exchange = new long[2];
        var serverTimes = new long[SECONDS];
        var written = new long[SECONDS]; // trigger call to request written: the REST client's own work
        var channels = new ArrayList<String>();
        for (int c = 0; c < CLIENTS; c++) {
            channels.add(fanOut ? "bench" : "bench-" + c);
        }
        try (var server = LocalPusherServer.start(LocalPusherConfig.builder().appId("bench").key("k").secret("s")
                .build()); var rest = new com.pusher.rest.Pusher(server.restUrl());
                var clients = kind == Clients.JDK ? jdkClients(server, channels, perf)
                        : new NioWebSocketClients(new InetSocketAddress("127.0.0.1", server.wsPort()),
                                "/app/k?protocol=7&client=bench&version=1", channels, perf)) {
            rest.configureHttpClient(com.pusher.rest.Pusher.defaultHttpClientBuilder()
                    .addInterceptorLast((HttpRequestInterceptor) (request, context) -> exchange[0] = System.nanoTime())
                    .addInterceptorFirst((HttpResponseInterceptor) (response, context) -> exchange[1] = System
                            .nanoTime()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (subscribers(server, fanOut) < CLIENTS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // Warm-up: enough triggers for the JIT to compile the server's HTTP path, the first 200 of them through the
            // measured channels (the clients ignore any event but perf), so that the subscribers' sends are compiled
            // too before the first measured trigger, and the clients have read them long before it.
            for (int i = 0; i < 5_000; i++) {
                rest.trigger(i < 200 ? channels.get(i % CLIENTS) : "warm-up", "warm-up", "x");
            }
            var cpuBefore = cpuByThread();
            int seq = 0;
            long begin = System.nanoTime();
            for (int second = 0; second < SECONDS; second++) {
                if (fanOut) {
                    sleepUntil(begin + TimeUnit.SECONDS.toNanos(second));
                    sentAt.set(seq, System.nanoTime());
                    rest.trigger("bench", "perf", seq++); // Gson sends the number as data "7"
                    serverTimes[second] = exchange[1] - exchange[0];
                    written[second] = exchange[0] - sentAt.get(second);
                } else {
                    for (int c = 0; c < CLIENTS; c++) {
                        sleepUntil(begin + TimeUnit.SECONDS.toNanos(second)
                                + TimeUnit.SECONDS.toNanos(1) * c / CLIENTS);
                        sentAt.set(seq, System.nanoTime());
                        rest.trigger("bench-" + c, "perf", seq++);
                    }
                }
            }
            Thread.sleep(2000);
            long[] cpu = cpuSince(cpuBefore);
            int got = Math.min(received.get(), messages);
            var sorted = new long[got];
            for (int i = 0; i < got; i++) {
                sorted[i] = latencies.get(i);
            }
            Arrays.sort(sorted);
            System.out.printf("%nLocal server alone, %d %s at 1 msg/s each for %d s, %s:%n"
                    + "  delivered %,d of %,d; p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms"
                    + "   (target p95 < 5 ms)%n",
                    CLIENTS, kind.label, SECONDS, fanOut ? "one channel, one trigger per second (fan-out to all 500)"
                            : "500 channels, 500 triggers per second spread evenly",
                    got, messages, sorted[got / 2] / 1e6, sorted[(int) (got * 0.95)] / 1e6,
                    sorted[(int) (got * 0.99)] / 1e6, sorted[got - 1] / 1e6);
            if (fanOut) {
                Arrays.sort(serverTimes);
                System.out.printf("  server, trigger request written -> response head read (sent once the frame is"
                        + " written or queued to all 500): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                        serverTimes[SECONDS / 2] / 1e6,
                        serverTimes[(int) (SECONDS * 0.95)] / 1e6, serverTimes[SECONDS - 1] / 1e6);
                var first = new long[SECONDS];
                var last = new long[SECONDS];
                for (int i = 0; i < SECONDS; i++) {
                    first[i] = firstAt.get(i) - sentAt.get(i);
                    last[i] = lastAt.get(i) - sentAt.get(i);
                }
                Arrays.sort(written);
                Arrays.sort(first);
                Arrays.sort(last);
                System.out.printf("  after the trigger call (p50s of %d): request written %.2f ms, first frame read"
                        + " %.2f ms, last frame read %.2f ms%n", SECONDS, written[SECONDS / 2] / 1e6,
                        first[SECONDS / 2] / 1e6, last[SECONDS / 2] / 1e6);
                System.out.printf("  CPU per trigger: server WebSocket selector thread %.2f ms, server HTTP and fan-out"
                        + " threads (parse the trigger, write the frames) %.2f ms, client threads %.2f ms%n",
                        cpu[0] / 1e6 / SECONDS, cpu[1] / 1e6 / SECONDS, cpu[2] / 1e6 / SECONDS);
            }
        }
    }

    /**
     * What a fan-out costs the kernel alone, the floor under case (b): one thread writes a frame of the size of a
     * {@code perf} event to each of 500 loopback sockets, as the server's selector thread does, with no WebSocket
     * library and nothing reading meanwhile (each round is drained afterwards).
     */
    static void loopbackWrites() throws IOException, InterruptedException {
        var frame = new byte[PERF_FRAME_BYTES];
        var mx = ManagementFactory.getThreadMXBean();
        var senders = new ArrayList<SocketChannel>();
        var receivers = new ArrayList<SocketChannel>();
        try (var listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0), CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                receivers.add(SocketChannel.open(listener.getLocalAddress()));
                var sender = listener.accept();
                sender.setOption(StandardSocketOptions.TCP_NODELAY, true); // as the server sets it
                sender.configureBlocking(false);
                senders.add(sender);
            }
            var rounds = new long[SECONDS];
            for (int round = 0; round < SECONDS; round++) {
                Thread.sleep(100);
                long before = mx.getCurrentThreadCpuTime();
                for (var sender : senders) {
                    sender.write(ByteBuffer.wrap(frame));
                }
                rounds[round] = mx.getCurrentThreadCpuTime() - before;
                for (var receiver : receivers) {
                    receiver.read(ByteBuffer.allocate(frame.length));
                }
            }
            Arrays.sort(rounds);
            System.out.printf("%nLoopback writes alone, one thread writing a %d-byte frame to each of %d sockets, %d"
                    + " rounds:%n  CPU p50 %.2f ms (%.1f us a write), max %.2f ms%n", frame.length, CLIENTS, SECONDS,
                    rounds[SECONDS / 2] / 1e6, rounds[SECONDS / 2] / 1e3 / CLIENTS, rounds[SECONDS - 1] / 1e6);
        } finally {
            for (var socket : senders) {
                socket.close();
            }
            for (var socket : receivers) {
                socket.close();
            }
        }
    }

    /**
     * The floor under case (b) as a whole: {@code writers} threads write a frame of a {@code perf} event's size to 500
     * loopback sockets, split evenly, while one thread reads them on one selector, as the light client does (without
     * its WebSocket parsing); latency is each frame's read minus the start of its round. What this kernel and these
     * two cores leave for a fan-out when the clients share them.
     */
    static double loopbackFanOut(int writers) throws Exception {
        int rounds = 100;
        var frame = new byte[PERF_FRAME_BYTES];
        var senders = new ArrayList<SocketChannel>();
        var receivers = new ArrayList<SocketChannel>();
        var latencies = new long[CLIENTS * rounds];
        var read = new AtomicInteger();
        var roundStart = new AtomicLong();
        var roundsRead = new Semaphore(0);
        var pool = Executors.newFixedThreadPool(writers);
        try (var listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0), CLIENTS);
                var selector = Selector.open()) {
            for (int c = 0; c < CLIENTS; c++) {
                var receiver = SocketChannel.open(listener.getLocalAddress());
                receivers.add(receiver);
                receiver.configureBlocking(false);
                receiver.register(selector, SelectionKey.OP_READ);
                var sender = listener.accept();
                sender.setOption(StandardSocketOptions.TCP_NODELAY, true);
                sender.configureBlocking(false);
                senders.add(sender);
            }
            var reader = new Thread(() -> {
                var buffer = ByteBuffer.allocateDirect(4096);
                try {
                    while (selector.isOpen()) {
                        selector.select(key -> {
                            try {
                                buffer.clear();
                                int n = ((SocketChannel) key.channel()).read(buffer) / frame.length;
                                long now = System.nanoTime();
                                for (int i = 0; i < n; i++) {
                                    int got = read.getAndIncrement();
                                    int at = got - CLIENTS * 20; // 20 rounds of warm-up
                                    if (at >= 0 && at < latencies.length) {
                                        latencies[at] = now - roundStart.get();
                                    }
                                    if ((got + 1) % CLIENTS == 0) {
                                        roundsRead.release();
                                    }
                                }
                            } catch (IOException e) {
                                key.cancel();
                            }
                        });
                    }
                } catch (IOException | ClosedSelectorException e) {
                    // closed: done
                }
            }, "bench-floor-reader");
            reader.setDaemon(true);
            reader.start();
            long begin = System.nanoTime();
            for (int round = 0; round < 20 + rounds; round++) {
                sleepUntil(begin + TimeUnit.MILLISECONDS.toNanos(100) * round); // ten rounds a second
                roundStart.set(System.nanoTime());
                var slices = new ArrayList<Future<?>>();
                for (int w = 0; w < writers; w++) {
                    var slice = senders.subList(w * CLIENTS / writers, (w + 1) * CLIENTS / writers);
                    slices.add(pool.submit(() -> {
                        for (var sender : slice) {
                            sender.write(ByteBuffer.wrap(frame));
                        }
                        return null;
                    }));
                }
                for (var slice : slices) {
                    slice.get();
                }
                if (!roundsRead.tryAcquire(5, TimeUnit.SECONDS)) {
                    break; // a frame did not arrive: the line prints how many did
                }
            }
            Arrays.sort(latencies);
            double p95 = latencies[(int) (latencies.length * 0.95)] / 1e6;
            System.out.printf("%nLoopback fan-out alone, %d thread%s writing a %d-byte frame to %d sockets while one"
                    + " thread reads them, %d rounds:%n  read %,d of %,d; p50 %.2f ms, p95 %.2f ms, p99 %.2f ms,"
                    + " max %.2f ms%n", writers, writers == 1 ? "" : "s", frame.length, CLIENTS, rounds,
                    read.get() - CLIENTS * 20, latencies.length, latencies[latencies.length / 2] / 1e6, p95,
                    latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6);
            return p95;
        } finally {
            pool.shutdownNow();
            for (var socket : senders) {
                socket.close();
            }
            for (var socket : receivers) {
                socket.close();
            }
        }
    }

    /**
     * The part of case (b) before the server's first write, at its least: a pusher-http-java trigger, as case (b)
     * sends it, to a JDK {@code HttpServer} that runs its handler on its own dispatcher thread (no hand-off to a
     * worker) and answers at once, checking nothing; latency is the handler's entry minus the time just before the
     * trigger call. Ten triggers a second, so that the machine idles between them as it does between case (b)'s.
     * Returns the median.
     */
    static double triggerAlone() throws Exception {
        int triggers = 100;
        var entered = new AtomicLong();
        var http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        http.createContext("/", exchange -> {
            entered.set(System.nanoTime());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            try (var body = exchange.getResponseBody()) {
                body.write("{}".getBytes(StandardCharsets.UTF_8));
            }
        });
        http.start(); // no executor: the dispatcher thread runs the handler
        try (var rest = new com.pusher.rest.Pusher("http://k:s@127.0.0.1:" + http.getAddress().getPort()
                + "/apps/bench")) {
            for (int i = 0; i < 5_000; i++) {
                rest.trigger("bench", "warm-up", "x");
            }
            var latencies = new long[triggers];
            long begin = System.nanoTime();
            for (int i = 0; i < triggers; i++) {
                sleepUntil(begin + TimeUnit.MILLISECONDS.toNanos(100) * i);
                long sent = System.nanoTime();
                rest.trigger("bench", "perf", i);
                latencies[i] = entered.get() - sent;
            }
            Arrays.sort(latencies);
            double p50 = latencies[triggers / 2] / 1e6;
            System.out.printf("%nTrigger alone, pusher-http-java to a JDK HttpServer that answers at once on its"
                    + " dispatcher thread, %d triggers at 10/s:%n  handler entered after the trigger call: p50 %.2f ms,"
                    + " p95 %.2f ms, min %.2f ms%n", triggers, p50, latencies[(int) (triggers * 0.95)] / 1e6,
                    latencies[0] / 1e6);
            return p50;
        } finally {
            http.stop(0);
        }
    }

    /** One JDK WebSocket per entry of {@code channels}, subscribing there; closing aborts them all. */
    private static AutoCloseable jdkClients(LocalPusherServer server, List<String> channels,
            NioWebSocketClients.PerfListener perf) throws Exception {
        var threads = new AtomicInteger();
        var callbacks = Executors.newFixedThreadPool(2, r -> new Thread(r, "bench-jdk-clients-" + threads
                .incrementAndGet()));
        var http = HttpClient.newBuilder().executor(callbacks).build();
        var sockets = new ArrayList<WebSocket>();
        AutoCloseable close = () -> {
            sockets.forEach(WebSocket::abort);
            callbacks.shutdownNow();
        };
        try {
            var uri = URI.create("ws://127.0.0.1:" + server.wsPort() + "/app/k?protocol=7&client=bench&version=1");
            for (var channel : channels) {
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
                                perf.received(Integer.parseInt(message.substring(at, message.indexOf('"', at))), now);
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
            return close;
        } catch (Exception e) {
            close.close();
            throw e;
        }
    }

    /** CPU time so far of every live thread, by thread id, in nanoseconds. */
    private static Map<Long, Long> cpuByThread() {
        var mx = ManagementFactory.getThreadMXBean();
        var cpu = new HashMap<Long, Long>();
        for (long id : mx.getAllThreadIds()) {
            cpu.put(id, mx.getThreadCpuTime(id));
        }
        return cpu;
    }

    /**
     * CPU time since {@code before} of the live threads, in three groups by name: the server's WebSocket selector
     * thread (it reads, and writes the library's own frames: the handshake's answer, pongs), the server's HTTP and
     * fan-out threads
     * (they parse the trigger and write the frames), and the benchmark's client threads (the light client's one; the
     * JDK clients' executor and HttpClient selector threads).
     */
    private static long[] cpuSince(Map<Long, Long> before) {
        var mx = ManagementFactory.getThreadMXBean();
        var groups = new long[3];
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue; // ended meanwhile
            }
            var name = info.getThreadName();
            int group = name.startsWith("WebSocketSelector-") ? 0
                    : name.startsWith("local-pusher-") && (name.contains("-http-") || name.contains("-fan-out-"))
                            || name.equals("HTTP-Dispatcher")
                            ? 1
                            : name.startsWith("bench-") || name.startsWith("HttpClient-") ? 2 : -1;
            long now = mx.getThreadCpuTime(info.getThreadId());
            if (group >= 0 && now > 0) {
                groups[group] += now - before.getOrDefault(info.getThreadId(), 0L);
            }
        }
        return groups;
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
