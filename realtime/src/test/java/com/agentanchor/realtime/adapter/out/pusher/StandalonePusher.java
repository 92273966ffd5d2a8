package com.agentanchor.realtime.adapter.out.pusher;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.agentanchor.pusher.LocalPusherConfig;
import com.agentanchor.pusher.LocalPusherServer;

/**
 * A Pusher-compatible server that the app reaches over the network, as it reaches Pusher: the project's own server,
 * run beside the app and given to it as Pusher's credentials and host. For tests that break or replace the endpoint;
 * the built-in server takes its messages by a call, with no endpoint between them to break.
 */
final class StandalonePusher {

    private StandalonePusher() {
    }

    /** Starts one on free ports and points the app's Pusher settings at it. */
    static LocalPusherServer startFor(DynamicPropertyRegistry registry) {
        var server = LocalPusherServer.start(LocalPusherConfig.builder().appId("standalone").key("standalone-key")
                .secret("standalone-secret").host("localhost").clientEventsPerSecond(0).build());
        registry.add("agentanchor.realtime.app-id", () -> server.config().appId());
        registry.add("agentanchor.realtime.key", () -> server.config().key());
        registry.add("agentanchor.realtime.secret", () -> server.config().secret());
        registry.add("agentanchor.realtime.host", () -> "localhost:" + server.httpPort());
        registry.add("agentanchor.realtime.tls", () -> "false");
        return server;
    }
}
