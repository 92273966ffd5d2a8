package com.agentanchor.platform.realtime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Pusher credentials ({@code PUSHER_APP_ID}, {@code PUSHER_KEY}, {@code PUSHER_SECRET}, and {@code PUSHER_CLUSTER}
 * or {@code PUSHER_HOST}); with none of them the app serves the Pusher protocol itself on {@code localWsPort}.
 */
@ConfigurationProperties("agentanchor.realtime")
record RealtimeProperties(String appId, String key, String secret, String cluster, String host, Boolean tls,
        Integer localWsPort, Integer localHttpPort) {

    boolean local() {
        return blank(appId) && blank(key) && blank(secret);
    }

    boolean encrypted() {
        return tls == null || tls;
    }

    int wsPort() {
        return localWsPort == null ? 6001 : localWsPort;
    }

    int httpPort() {
        return localHttpPort == null ? 0 : localHttpPort;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
