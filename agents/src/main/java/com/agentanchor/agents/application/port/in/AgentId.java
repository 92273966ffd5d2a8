package com.agentanchor.agents.application.port.in;

import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Names an agent across modules. */
public record AgentId(UUID value) implements Identifier {

    public AgentId {
        if (value == null) {
            throw new IllegalArgumentException("an agent id needs a value");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
