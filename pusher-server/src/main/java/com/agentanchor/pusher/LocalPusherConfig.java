package com.agentanchor.pusher;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link LocalPusherServer} serves: one app ({@code appId}, {@code key}, {@code secret}) on {@code host}, the
 * WebSocket endpoint on {@code wsPort} and the HTTP API on {@code httpPort} (0 picks a free port; read the bound one
 * from the server). The limits default to Pusher's documented ones.
 *
 * @param activityTimeout advertised to clients as {@code activity_timeout}; after this long without a frame from a
 *        client the server pings it
 * @param pongTimeout how long the server waits for any frame after its ping before closing with 4201
 * @param maxPresenceMembers distinct users per presence channel (Pusher: 100)
 * @param maxUserInfoBytes size of a presence member's {@code user_info} JSON (Pusher: 1 KB)
 * @param maxUserIdLength length of a presence {@code user_id} (Pusher: 128)
 * @param maxChannelNameLength (Pusher: 164)
 * @param maxEventDataBytes UTF-8 size of one event's {@code data} (Pusher: 10 KB); over it the HTTP API answers 413
 * @param maxChannelsPerEvent (Pusher: 100)
 * @param maxBatchEvents (Pusher multi-tenant clusters: 10)
 * @param clientEventsPerSecond client events one connection may send per second (Pusher: 10); more are rejected;
 *        0 turns client events off, as Pusher's app setting does
 * @param maxConnections open WebSocket connections; more are refused with 4100
 * @param maxConnectionsPerAddress open WebSocket connections from one remote address; more are refused with 4100, so
 *        one client cannot take every connection the server has
 * @param maxChannelsPerConnection channels one connection may be subscribed to at once; more subscriptions are
 *        refused (subscription error, {@code pusher:error} 4100), the connection stays
 * @param maxQueuedFramesPerConnection frames waiting to be written to one socket; a slower consumer is closed with
 *        4100, so one stuck client cannot make the server buffer without bound
 * @param timestampTolerance allowed skew of the HTTP API's {@code auth_timestamp} (Pusher: 600 s)
 * @param httpThreads worker threads of the HTTP API
 */
public record LocalPusherConfig(String appId, String key, String secret, String host, int wsPort, int httpPort,
        Duration activityTimeout, Duration pongTimeout, int maxPresenceMembers, int maxUserInfoBytes,
        int maxUserIdLength, int maxChannelNameLength, int maxEventDataBytes, int maxChannelsPerEvent,
        int maxBatchEvents, int clientEventsPerSecond, int maxConnections, int maxConnectionsPerAddress,
        int maxChannelsPerConnection, int maxQueuedFramesPerConnection, Duration timestampTolerance, int httpThreads) {

    public LocalPusherConfig {
        requireText(appId, "appId");
        requireText(key, "key");
        requireText(secret, "secret");
        requireText(host, "host");
        if (wsPort < 0 || wsPort > 65535 || httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("ports must be 0..65535");
        }
        Objects.requireNonNull(activityTimeout, "activityTimeout");
        Objects.requireNonNull(pongTimeout, "pongTimeout");
        Objects.requireNonNull(timestampTolerance, "timestampTolerance");
        if (activityTimeout.isNegative() || activityTimeout.isZero() || pongTimeout.isNegative()
                || pongTimeout.isZero()) {
            throw new IllegalArgumentException("activityTimeout and pongTimeout must be positive");
        }
        if (maxPresenceMembers < 1 || maxUserInfoBytes < 1 || maxUserIdLength < 1 || maxChannelNameLength < 1
                || maxEventDataBytes < 1 || maxChannelsPerEvent < 1 || maxBatchEvents < 1
                || clientEventsPerSecond < 0 || maxConnections < 1 || maxConnectionsPerAddress < 1
                || maxChannelsPerConnection < 1 || maxQueuedFramesPerConnection < 1
                || httpThreads < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** A builder with Pusher's limits, host {@code 127.0.0.1} and random ports. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.appId = appId;
        b.key = key;
        b.secret = secret;
        b.host = host;
        b.wsPort = wsPort;
        b.httpPort = httpPort;
        b.activityTimeout = activityTimeout;
        b.pongTimeout = pongTimeout;
        b.maxPresenceMembers = maxPresenceMembers;
        b.maxUserInfoBytes = maxUserInfoBytes;
        b.maxUserIdLength = maxUserIdLength;
        b.maxChannelNameLength = maxChannelNameLength;
        b.maxEventDataBytes = maxEventDataBytes;
        b.maxChannelsPerEvent = maxChannelsPerEvent;
        b.maxBatchEvents = maxBatchEvents;
        b.clientEventsPerSecond = clientEventsPerSecond;
        b.maxConnections = maxConnections;
        b.maxConnectionsPerAddress = maxConnectionsPerAddress;
        b.maxChannelsPerConnection = maxChannelsPerConnection;
        b.maxQueuedFramesPerConnection = maxQueuedFramesPerConnection;
        b.timestampTolerance = timestampTolerance;
        b.httpThreads = httpThreads;
        return b;
    }

    public static final class Builder {

        private String appId = "local";
        private String key = "local-key";
        private String secret = "local-secret";
        private String host = "127.0.0.1";
        private int wsPort;
        private int httpPort;
        private Duration activityTimeout = Duration.ofSeconds(120);
        private Duration pongTimeout = Duration.ofSeconds(30);
        private int maxPresenceMembers = 100;
        private int maxUserInfoBytes = 1024;
        private int maxUserIdLength = 128;
        private int maxChannelNameLength = 164;
        private int maxEventDataBytes = 10 * 1024;
        private int maxChannelsPerEvent = 100;
        private int maxBatchEvents = 10;
        private int clientEventsPerSecond = 10;
        private int maxConnections = 10_000;
        private int maxConnectionsPerAddress = 1_000;
        private int maxChannelsPerConnection = 1_000;
        private int maxQueuedFramesPerConnection = 10_000;
        private Duration timestampTolerance = Duration.ofSeconds(600);
        private int httpThreads = 4;

        private Builder() {
        }

        public Builder appId(String v) { this.appId = v; return this; }
        public Builder key(String v) { this.key = v; return this; }
        public Builder secret(String v) { this.secret = v; return this; }
        public Builder host(String v) { this.host = v; return this; }
        public Builder wsPort(int v) { this.wsPort = v; return this; }
        public Builder httpPort(int v) { this.httpPort = v; return this; }
        public Builder activityTimeout(Duration v) { this.activityTimeout = v; return this; }
        public Builder pongTimeout(Duration v) { this.pongTimeout = v; return this; }
        public Builder maxPresenceMembers(int v) { this.maxPresenceMembers = v; return this; }
        public Builder maxUserInfoBytes(int v) { this.maxUserInfoBytes = v; return this; }
        public Builder maxUserIdLength(int v) { this.maxUserIdLength = v; return this; }
        public Builder maxChannelNameLength(int v) { this.maxChannelNameLength = v; return this; }
        public Builder maxEventDataBytes(int v) { this.maxEventDataBytes = v; return this; }
        public Builder maxChannelsPerEvent(int v) { this.maxChannelsPerEvent = v; return this; }
        public Builder maxBatchEvents(int v) { this.maxBatchEvents = v; return this; }
        public Builder clientEventsPerSecond(int v) { this.clientEventsPerSecond = v; return this; }
        public Builder maxConnections(int v) { this.maxConnections = v; return this; }
        public Builder maxConnectionsPerAddress(int v) { this.maxConnectionsPerAddress = v; return this; }
        public Builder maxChannelsPerConnection(int v) { this.maxChannelsPerConnection = v; return this; }
        public Builder maxQueuedFramesPerConnection(int v) { this.maxQueuedFramesPerConnection = v; return this; }
        public Builder timestampTolerance(Duration v) { this.timestampTolerance = v; return this; }
        public Builder httpThreads(int v) { this.httpThreads = v; return this; }

        public LocalPusherConfig build() {
            return new LocalPusherConfig(appId, key, secret, host, wsPort, httpPort, activityTimeout, pongTimeout,
                    maxPresenceMembers, maxUserInfoBytes, maxUserIdLength, maxChannelNameLength, maxEventDataBytes,
                    maxChannelsPerEvent, maxBatchEvents, clientEventsPerSecond, maxConnections,
                    maxConnectionsPerAddress, maxChannelsPerConnection, maxQueuedFramesPerConnection,
                    timestampTolerance, httpThreads);
        }
    }

    @Override
    public String toString() {
        // never print the secret
        return "LocalPusherConfig[appId=" + appId + ", key=" + key + ", host=" + host + ", wsPort=" + wsPort
                + ", httpPort=" + httpPort + "]";
    }
}
