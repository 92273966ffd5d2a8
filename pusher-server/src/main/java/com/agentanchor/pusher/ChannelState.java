package com.agentanchor.pusher;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One occupied channel. The sets are concurrent so that publishing iterates them without a lock; they are only
 * changed under the hub's lock.
 */
final class ChannelState {

    enum Kind {
        PUBLIC, PRIVATE, PRESENCE, USER
    }

    /** A presence member: one user, however many of their connections are subscribed. */
    static final class Member {

        final String userId;
        /** {@code user_info} as JSON, or null. */
        final String userInfoJson;
        int connections;

        Member(String userId, String userInfoJson) {
            this.userId = userId;
            this.userInfoJson = userInfoJson;
        }
    }

    final String name;
    final Kind kind;
    final Set<PusherConnection> subscribers = ConcurrentHashMap.newKeySet();
    /** Presence channels only: user_id to member, in no particular order. */
    final Map<String, Member> members = new ConcurrentHashMap<>();

    ChannelState(String name) {
        this.name = name;
        this.kind = kindOf(name);
    }

    static Kind kindOf(String name) {
        if (name.startsWith("presence-")) {
            return Kind.PRESENCE;
        }
        if (name.startsWith("private-")) {
            return Kind.PRIVATE;
        }
        if (name.startsWith(ChannelHub.SERVER_TO_USER_PREFIX)) {
            return Kind.USER;
        }
        return Kind.PUBLIC;
    }
}
