package com.agentanchor.profiles.application.port.in;

import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Names a profile; also how every module refers to the person acting. */
public record ProfileId(UUID value) implements Identifier {

    public ProfileId {
        if (value == null) {
            throw new IllegalArgumentException("a profile id needs a value");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
