package com.agentanchor.truthchain.domain;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** What a record is about: a type from a fixed vocabulary (the table's CHECK) and an id. */
public record Subject(String type, UUID id) {

    public static final Set<String> TYPES = Set.of("agent", "user", "decision", "acquisition", "system");

    public Subject {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("subject type must be one of " + TYPES + ", not " + type);
        }
        Objects.requireNonNull(id, "a subject needs an id");
    }

    public static Subject agent(UUID id) {
        return new Subject("agent", id);
    }

    public static Subject decision(UUID id) {
        return new Subject("decision", id);
    }

    public static Subject acquisition(UUID id) {
        return new Subject("acquisition", id);
    }

    String json() {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\"}";
    }
}
