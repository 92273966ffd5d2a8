package com.agentanchor.realtime.application.port.in;

/**
 * What Pusher reports about who is in a presence channel, from the local server in-process or from Pusher's
 * webhooks. Only {@code presence-council} matters: it tells the council which validators are online.
 */
public interface CouncilPresence {

    void memberAdded(String channel, String userId);

    void memberRemoved(String channel, String userId);
}
