package com.agentanchor.platform.realtime;

import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.agentanchor.council.application.port.in.ValidatorPresence;
import com.agentanchor.platform.realtime.local.LocalPusherListener;
import com.agentanchor.platform.realtime.local.LocalPusherServer;
import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * What Pusher reports as presence webhooks, turned into the council's knowledge of who is online. The local
 * server calls in-process; with Pusher, the same calls come from {@code POST /api/realtime/webhooks}.
 */
@Component
@PrimaryAdapter
class PresenceHooks implements LocalPusherListener {

    private final ValidatorPresence council;

    PresenceHooks(ValidatorPresence council, ObjectProvider<LocalPusherServer> local) {
        this.council = council;
        local.ifAvailable(server -> server.addListener(this));
    }

    @Override
    public void memberAdded(String channel, String userId, String userInfoJson) {
        validator(channel, userId, true);
    }

    @Override
    public void memberRemoved(String channel, String userId) {
        validator(channel, userId, false);
    }

    void validator(String channel, String userId, boolean joined) {
        if (!RealtimeChannels.PRESENCE_COUNCIL.equals(channel)) {
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            return; // not one of our profile ids: nothing we signed
        }
        if (joined) {
            council.joined(new ProfileId(id));
        } else {
            council.left(new ProfileId(id));
        }
    }
}
