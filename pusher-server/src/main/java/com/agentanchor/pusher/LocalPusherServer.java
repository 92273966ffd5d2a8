package com.agentanchor.pusher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.agentanchor.pusher.ChannelState.Kind;
import com.agentanchor.pusher.ChannelState.Member;
import com.sun.net.httpserver.HttpServer;

/**
 * A local, in-process server speaking the Pusher Channels protocol, so that the app and its tests need no Pusher
 * account and can use unmodified Pusher clients: a WebSocket endpoint {@code ws://host:wsPort/app/{key}} (protocols 5
 * to 7) and the signed HTTP API on {@code http://host:httpPort/apps/{appId}/...}.
 *
 * <pre>{@code
 * try (LocalPusherServer server = LocalPusherServer.start(LocalPusherConfig.builder()
 *         .appId("42").key("key").secret("secret").build())) {
 *     com.pusher.rest.Pusher rest = new com.pusher.rest.Pusher(server.restUrl());
 *     // clients connect to server.host() : server.wsPort()
 * }
 * }</pre>
 *
 * Thread-safe. Plain Java: no Spring. Not for production: it keeps everything in memory and serves one app.
 */
public final class LocalPusherServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPusherServer.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final LocalPusherConfig config;
    private final HookDispatcher hooks;
    private final FanOut fanOut;
    private final Flusher flusher;
    private final ChannelHub hub;
    private final Clock clock;
    private final String name;

    private final Object lifecycle = new Object();
    private WsEndpoint ws;
    private HttpServer http;
    private ThreadPoolExecutor httpExecutor;
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;
    private volatile int wsPort = -1;
    private volatile int httpPort = -1;

    public LocalPusherServer(LocalPusherConfig config) {
        this(config, Clock.systemUTC());
    }

    /** With a clock for the HTTP API's timestamp check. */
    public LocalPusherServer(LocalPusherConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.name = "local-pusher-" + INSTANCES.incrementAndGet();
        this.hooks = new HookDispatcher(name + "-hooks");
        this.fanOut = new FanOut(name + "-fan-out");
        this.flusher = new Flusher(name + "-flusher");
        this.hub = new ChannelHub(config, hooks, fanOut);
    }

    /** Creates and starts a server. */
    public static LocalPusherServer start(LocalPusherConfig config) {
        LocalPusherServer server = new LocalPusherServer(config);
        server.start();
        return server;
    }

    /** Binds both ports and starts serving; returns when both are bound. Fails if already started or closed. */
    public LocalPusherServer start() {
        synchronized (lifecycle) {
            if (ws != null) {
                throw new IllegalStateException("already started");
            }
            try {
                WsEndpoint endpoint = new WsEndpoint(new InetSocketAddress(config.host(), config.wsPort()), hub,
                        flusher);
                ws = endpoint;
                endpoint.startAndAwait();
                wsPort = endpoint.getPort();

                // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed
                // ACK: every response took ~40 ms. The property is read once per JVM, when the first server starts.
                if (System.getProperty(NODELAY_PROPERTY) == null) {
                    System.setProperty(NODELAY_PROPERTY, "true");
                }
                http = HttpServer.create(new InetSocketAddress(config.host(), config.httpPort()), 128);
                AtomicInteger n = new AtomicInteger();
                httpExecutor = new ThreadPoolExecutor(config.httpThreads(), config.httpThreads(), 30, TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(1024), r -> {
                            Thread t = new Thread(r, name + "-http-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        }, new ThreadPoolExecutor.CallerRunsPolicy());
                http.setExecutor(httpExecutor);
                http.createContext("/", new HttpApi(config, hub, clock));
                http.start();
                httpPort = http.getAddress().getPort();

                heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, name + "-heartbeat");
                    t.setDaemon(true);
                    return t;
                });
                long period = Math.max(50, Math.min(1000,
                        Math.min(config.activityTimeout().toMillis(), config.pongTimeout().toMillis()) / 4));
                heartbeat.scheduleAtFixedRate(this::checkActivity, period, period, TimeUnit.MILLISECONDS);
                running = true;
                log.info("Local Pusher server for app {} on ws://{}:{}/app/{} and http://{}:{}", config.appId(),
                        config.host(), wsPort, config.key(), config.host(), httpPort);
                return this;
            }
            catch (IOException e) {
                stopQuietly();
                throw new UncheckedIOException("Local Pusher server could not bind " + config, e);
            }
            catch (RuntimeException e) {
                stopQuietly();
                throw e;
            }
        }
    }

    private void checkActivity() {
        try {
            hub.checkActivity();
        }
        catch (RuntimeException e) {
            log.warn("Local Pusher activity check failed", e);
        }
    }

    /** Closes every client connection (code 4200: reconnect), then both ports. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (ws == null) {
                return;
            }
            if (running) {
                hub.closeAll();
            }
            running = false;
            stopQuietly();
        }
    }

    private void stopQuietly() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        if (http != null) {
            http.stop(0);
        }
        if (httpExecutor != null) {
            httpExecutor.shutdownNow();
        }
        if (ws != null) {
            try {
                ws.stop(1000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        hooks.close();
        fanOut.close();
        flusher.close();
    }

    // ------------------------------------------------------------------------------------------ addresses

    public LocalPusherConfig config() {
        return config;
    }

    public boolean isRunning() {
        return running;
    }

    public String host() {
        return config.host();
    }

    /** The bound WebSocket port (useful when configured as 0); -1 before {@link #start()}. */
    public int wsPort() {
        return wsPort;
    }

    /** The bound HTTP API port (useful when configured as 0); -1 before {@link #start()}. */
    public int httpPort() {
        return httpPort;
    }

    /** {@code ws://host:wsPort/app/key?protocol=7&client=js&version=local}, what pusher-js would open. */
    public String wsUrl() {
        return "ws://" + config.host() + ":" + wsPort + "/app/" + config.key() + "?protocol=7&client=js&version=local";
    }

    /** {@code http://host:httpPort}, the HTTP API's base; the Pusher libraries take {@code host:httpPort}. */
    public String httpBaseUrl() {
        return "http://" + config.host() + ":" + httpPort;
    }

    /**
     * {@code http://key:secret@host:httpPort/apps/appId}, accepted by {@code new com.pusher.rest.Pusher(url)}. It
     * contains the secret: do not log it.
     */
    public String restUrl() {
        return "http://" + config.key() + ":" + config.secret() + "@" + config.host() + ":" + httpPort + "/apps/"
                + config.appId();
    }

    // ------------------------------------------------------------------------------------------ hooks

    /** Adds a listener for what Pusher would send as webhooks; see {@link LocalPusherListener}. */
    public void addListener(LocalPusherListener listener) {
        hooks.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(LocalPusherListener listener) {
        hooks.remove(listener);
    }

    // ------------------------------------------------------------------------------------------ in-process API

    /**
     * Publishes like {@code POST /apps/{id}/events} from this JVM: no HTTP and no signature (the caller is this
     * process), but Pusher's limits all the same, so what is published here would be accepted by Pusher too.
     * {@code data} is delivered as the event's data string; {@code excludeSocketId} may be null.
     *
     * @throws IllegalArgumentException what the HTTP API would refuse, with its message
     * @throws IllegalStateException when the server is not running (the event reaches nobody)
     */
    public void trigger(Collection<String> channels, String event, String data, String excludeSocketId) {
        List<String> names = List.copyOf(channels);
        HttpApi.Reply refused = HttpApi.refusal(config, hub, names, Objects.requireNonNull(event, "event"),
                Objects.requireNonNull(data, "data"));
        if (refused != null) {
            throw new IllegalArgumentException(refused.body());
        }
        if (!running) {
            throw new IllegalStateException(name + " is not running");
        }
        hub.publish(names, event, data, excludeSocketId);
    }

    public void trigger(String channel, String event, String data) {
        trigger(List.of(channel), event, data, null);
    }

    /** Names of the occupied channels, sorted. */
    public Set<String> occupiedChannels() {
        Set<String> names = new TreeSet<>();
        for (ChannelState ch : hub.channels()) {
            if (ch.kind != Kind.USER && !ch.subscribers.isEmpty()) {
                names.add(ch.name);
            }
        }
        return names;
    }

    /** Connections subscribed to {@code channel}. */
    public int subscriptionCount(String channel) {
        ChannelState ch = hub.channel(channel);
        return ch == null ? 0 : ch.subscribers.size();
    }

    /**
     * The members of a presence channel: user_id to {@code user_info} as JSON (null when none was given), sorted by
     * user_id. Empty when nobody is there.
     */
    public Map<String, String> presenceMembers(String channel) {
        ChannelState ch = hub.channel(channel);
        Map<String, String> members = new LinkedHashMap<>();
        if (ch != null) {
            ch.members.values().stream().sorted((a, b) -> a.userId.compareTo(b.userId))
                    .forEach((Member m) -> members.put(m.userId, m.userInfoJson));
        }
        return members;
    }

    /** Open client connections. */
    public int connectionCount() {
        return hub.connectionCount();
    }

    /** Closes the connections signed in ({@code pusher:signin}) as {@code userId}; returns how many. */
    public int terminateUserConnections(String userId) {
        return hub.terminateUserConnections(userId);
    }

    @Override
    public String toString() {
        return "LocalPusherServer[" + config + ", wsPort=" + wsPort + ", httpPort=" + httpPort + "]";
    }
}
