package com.agentanchor.realtime.adapter.in.pusher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.agentanchor.pusher.LocalPusherListener;
import com.agentanchor.pusher.LocalPusherServer;
import com.agentanchor.realtime.application.port.in.CouncilPresence;

/**
 * The local Pusher server's presence events, in-process; with Pusher the same reports come as webhooks
 * ({@code POST /api/realtime/webhooks}).
 */
@Component
class LocalPresence implements LocalPusherListener {

    private final CouncilPresence presence;

    LocalPresence(CouncilPresence presence, ObjectProvider<LocalPusherServer> local) {
        this.presence = presence;
        local.ifAvailable(server -> server.addListener(this));
    }

    @Override
    public void memberAdded(String channel, String userId, String userInfoJson) {
        presence.memberAdded(channel, userId);
    }

    @Override
    public void memberRemoved(String channel, String userId) {
        presence.memberRemoved(channel, userId);
    }
}
