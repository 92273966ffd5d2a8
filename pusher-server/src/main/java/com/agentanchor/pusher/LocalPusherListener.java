package com.agentanchor.pusher;

/**
 * What Pusher would send as webhooks, called in-process. Calls come one at a time, in the order the changes happened,
 * on the server's own hook thread (never on a socket thread), so a slow listener delays only other listeners. A
 * listener that throws is logged and skipped. All methods do nothing by default.
 */
public interface LocalPusherListener {

    /** The first connection subscribed to {@code channel} (webhook {@code channel_occupied}). */
    default void channelOccupied(String channel) {
    }

    /** The last connection left {@code channel} (webhook {@code channel_vacated}). */
    default void channelVacated(String channel) {
    }

    /**
     * A user joined the presence {@code channel}: the first of their connections subscribed (webhook
     * {@code member_added}). {@code userInfoJson} is the member's {@code user_info} as JSON, or null.
     */
    default void memberAdded(String channel, String userId, String userInfoJson) {
    }

    /** A user left the presence {@code channel}: the last of their connections left (webhook {@code member_removed}). */
    default void memberRemoved(String channel, String userId) {
    }

    /**
     * A client event was accepted and relayed (webhook {@code client_event}). {@code dataJson} is the event's
     * {@code data} as the client sent it, as JSON; {@code userId} is set on presence channels only.
     */
    default void clientEvent(String channel, String event, String dataJson, String socketId, String userId) {
    }
}
