package com.agentanchor.realtime.adapter.out.pusher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import com.agentanchor.pusher.LocalPusherServer;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;

/**
 * {@code realtime} in {@code /actuator/health}: the local server is running, or Pusher answers a signed request.
 * Down does not stop the app serving (events wait as incomplete publications), so it is not part of readiness.
 */
@Component("realtime")
class RealtimeHealth implements HealthIndicator {

    private final ObjectProvider<LocalPusherServer> local;
    private final Pusher pusher;

    RealtimeHealth(ObjectProvider<LocalPusherServer> local, Pusher pusher) {
        this.local = local;
        this.pusher = pusher;
    }

    @Override
    public Health health() {
        var server = local.getIfAvailable();
        if (server != null) {
            return (server.isRunning() ? Health.up() : Health.down()).withDetail("mode", "local")
                    .withDetail("connections", server.connectionCount()).build();
        }
        var result = pusher.get("/channels");
        return (result.getStatus() == Result.Status.SUCCESS ? Health.up() : Health.down()).withDetail("mode", "pusher")
                .withDetail("status", result.getStatus().name()).build();
    }
}
