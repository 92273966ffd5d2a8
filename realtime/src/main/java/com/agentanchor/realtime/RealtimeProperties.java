package com.agentanchor.realtime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Pusher credentials ({@code PUSHER_APP_ID}, {@code PUSHER_KEY}, {@code PUSHER_SECRET}, and {@code PUSHER_CLUSTER}
 * or {@code PUSHER_HOST}); with none of them the app serves the Pusher protocol itself on {@code localWsPort}.
 */
@ConfigurationProperties("agentanchor.realtime")
public record RealtimeProperties(String appId, String key, String secret, String cluster, String host, Boolean tls,
        Integer localWsPort, Integer localHttpPort, String localPublicHost) {

    public boolean local() {
        return blank(appId) && blank(key) && blank(secret);
    }

    public boolean encrypted() {
        return tls == null || tls;
    }

    public int wsPort() {
        return localWsPort == null ? 6001 : localWsPort;
    }

    /**
     * The host browsers reach the local server's WebSocket at ({@code AGENTANCHOR_REALTIME_PUBLIC_HOST}); never taken
     * from a request's Host header, which any client can set.
     */
    public String publicHost() {
        return blank(localPublicHost) ? "localhost" : localPublicHost;
    }

    public int httpPort() {
        return localHttpPort == null ? 0 : localHttpPort;
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
