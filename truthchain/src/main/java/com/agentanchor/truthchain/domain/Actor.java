package com.agentanchor.truthchain.domain;

import java.util.Set;
import java.util.UUID;

/** Who caused a record: a user, an agent, or the system (which may have no id). */
public record Actor(String type, UUID id) {

    public static final Set<String> TYPES = Set.of("user", "agent", "system");

    public Actor {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("actor type must be one of " + TYPES + ", not " + type);
        }
        if (id == null && !type.equals("system")) {
            throw new IllegalArgumentException("a " + type + " actor needs an id");
        }
    }

    public static Actor user(UUID id) {
        return new Actor("user", id);
    }

    public static Actor agent(UUID id) {
        return new Actor("agent", id);
    }

    public static Actor system() {
        return new Actor("system", null);
    }

    String json() {
        return "{\"id\":" + (id == null ? "null" : "\"" + id + "\"") + ",\"type\":\"" + type + "\"}";
    }
}
