package com.agentanchor.realtime.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.CallingAgent;
import com.agentanchor.platform.refusal.Refusal;
import com.agentanchor.profiles.application.port.in.CouncilMembership;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.application.port.in.ProfileManagement;
import com.agentanchor.pusher.LocalPusherServer;
import com.agentanchor.pusher.PusherSignatures;
import com.agentanchor.realtime.RealtimeChannels;
import com.agentanchor.realtime.RealtimeProperties;
import com.agentanchor.realtime.application.port.in.CouncilPresence;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.PresenceUser;

import tools.jackson.databind.json.JsonMapper;

/**
 * What pusher-js needs from us: its options ({@code GET /api/realtime/config}, public), and signatures for the
 * private and presence channels a user is entitled to ({@code POST /api/realtime/auth}) and for
 * {@code pusher:signin} ({@code POST /api/realtime/user-auth}). Entitlement is checked in the database, under the
 * caller's row-level security: a private agent channel is signed only if the caller may see the agent.
 */
@RestController
class RealtimeController {

    private static final Pattern SOCKET_ID = Pattern.compile("\\d+\\.\\d+");

    private final Pusher pusher;
    private final RealtimeProperties properties;
    private final ObjectProvider<LocalPusherServer> local;
    private final AgentCatalog agents;
    private final ProfileManagement profiles;
    private final CouncilMembership council;
    private final JsonMapper json;
    private final CouncilPresence presence;

    RealtimeController(Pusher pusher, RealtimeProperties properties, ObjectProvider<LocalPusherServer> local,
            AgentCatalog agents, ProfileManagement profiles, CouncilMembership council, JsonMapper json,
            CouncilPresence presence) {
        this.council = council;
        this.presence = presence;
        this.pusher = pusher;
        this.properties = properties;
        this.local = local;
        this.agents = agents;
        this.profiles = profiles;
        this.json = json;
    }

    /** The options to pass to {@code new Pusher(key, options)}, for the cloud and the local default alike. */
    @GetMapping("/api/realtime/config")
    Map<String, Object> config() {
        var options = new LinkedHashMap<String, Object>();
        var server = local.getIfAvailable();
        if (server != null) {
            options.put("key", server.config().key());
            options.put("cluster", "local");
            options.put("wsHost", properties.publicHost());
            options.put("wsPort", server.wsPort());
            options.put("forceTLS", false);
            options.put("enabledTransports", new String[] { "ws" });
            options.put("disableStats", true);
        } else {
            options.put("key", properties.key());
            if (!RealtimeProperties.blank(properties.cluster())) {
                options.put("cluster", properties.cluster());
            }
            options.put("forceTLS", properties.encrypted());
        }
        options.put("channelAuthorization", Map.of("endpoint", "/api/realtime/auth", "transport", "ajax"));
        options.put("userAuthentication", Map.of("endpoint", "/api/realtime/user-auth", "transport", "ajax"));
        return options;
    }

    @PostMapping(path = "/api/realtime/auth", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    String authorize(ProfileId caller, @RequestParam("socket_id") String socketId,
            @RequestParam("channel_name") String channel) {
        requireSocketId(socketId);
        if (channel.equals(RealtimeChannels.PRESENCE_COUNCIL)) {
            if (!council.isValidator(caller)) {
                throw new ChannelRefused(channel, "only validators sit on the council");
            }
            var me = profiles.current(caller);
            var info = new LinkedHashMap<String, Object>();
            info.put("name", me.fullName() != null ? me.fullName() : me.email());
            return sign(socketId, channel, new PresenceUser(caller.toString(), info));
        }
        if (channel.equals(RealtimeChannels.user(caller.value()))) {
            return sign(socketId, channel, null);
        }
        if (channel.startsWith(RealtimeChannels.AGENT_PREFIX)) {
            var agent = parse(channel.substring(RealtimeChannels.AGENT_PREFIX.length()));
            if (agent != null && agents.find(caller, new AgentId(agent)).isPresent()) {
                return sign(socketId, channel, null);
            }
        }
        throw new ChannelRefused(channel, "not yours to subscribe to");
    }

    /**
     * An agent, with its own key, listens on its own channel ({@code decision-made} when the council decides what it
     * asked, notifications): {@code private-agent-{its id}} and nothing else, never a client event to anyone else's.
     */
    @PostMapping(path = "/api/runtime/realtime/auth", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    String authorizeAgent(CallingAgent caller, @RequestParam("socket_id") String socketId,
            @RequestParam("channel_name") String channel) {
        requireSocketId(socketId);
        if (channel.equals(RealtimeChannels.AGENT_PREFIX + caller.id())) {
            return sign(socketId, channel, null);
        }
        throw new ChannelRefused(channel, "an agent listens on its own channel only");
    }

    /** Signs the user data for {@code pusher:signin}: the caller's own id, nobody else's. */
    @PostMapping(path = "/api/realtime/user-auth", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, String> authenticateUser(ProfileId caller, @RequestParam("socket_id") String socketId) {
        requireSocketId(socketId);
        var me = profiles.current(caller);
        var userData = json.writeValueAsString(Map.of("id", caller.toString(),
                "user_info", Map.of("name", me.fullName() != null ? me.fullName() : me.email())));
        var app = app();
        return Map.of("auth", PusherSignatures.userAuth(app.key(), app.secret(), socketId, userData),
                "user_data", userData);
    }

    /**
     * Pusher's webhooks (cloud mode): presence on the council channel tells the council who is online. Signed with
     * the app secret ({@code X-Pusher-Signature}); anything unsigned or signed otherwise is refused.
     */
    @PostMapping(path = "/api/realtime/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> webhook(@RequestHeader("X-Pusher-Key") String key,
            @RequestHeader("X-Pusher-Signature") String signature, @RequestBody String body) {
        var app = app();
        if (!app.key().equals(key) || !PusherSignatures.constantTimeEquals(
                PusherSignatures.webhookSignature(app.secret(), body), signature)) {
            throw new BadCredentialsException("The webhook is not signed with this app's key and secret");
        }
        for (var event : json.readTree(body).path("events")) {
            var name = event.path("name").asString("");
            if (name.equals("member_added") || name.equals("member_removed")) {
                var channel = event.path("channel").asString("");
                var user = event.path("user_id").asString("");
                if (name.equals("member_added")) {
                    presence.memberAdded(channel, user);
                } else {
                    presence.memberRemoved(channel, user);
                }
            }
        }
        return ResponseEntity.ok().build();
    }

    /** pusher-http-java refuses a malformed channel name with an IllegalArgumentException: the client's mistake. */
    private String sign(String socketId, String channel, PresenceUser member) {
        try {
            return member == null ? pusher.authenticate(socketId, channel)
                    : pusher.authenticate(socketId, channel, member);
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscription("channel_name", e.getMessage());
        }
    }

    private App app() {
        var server = local.getIfAvailable();
        return server != null ? new App(server.config().key(), server.config().secret())
                : new App(properties.key(), properties.secret());
    }

    private record App(String key, String secret) {
    }

    private static void requireSocketId(String socketId) {
        if (!SOCKET_ID.matcher(socketId).matches()) {
            throw new InvalidSubscription("socket_id", "must look like 1234.5678");
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static class ChannelRefused extends Refusal.NotAllowed {

        ChannelRefused(String channel, String reason) {
            super("Subscription refused", "Cannot subscribe to " + channel + ": " + reason);
        }
    }

    static class InvalidSubscription extends Refusal.Invalid {

        InvalidSubscription(String parameter, String message) {
            super(parameter, message);
        }
    }
}
