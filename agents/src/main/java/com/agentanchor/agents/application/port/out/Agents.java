package com.agentanchor.agents.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.agents.domain.Agent;

/** The stored agents, as far as the acting user's row-level security lets them be seen. */
public interface Agents {

    Agent insert(Agent agent);

    Optional<Agent> find(UUID id);

    /** Only rows the acting user may update; locked for the rest of the transaction. */
    Optional<Agent> findEditable(UUID id);

    /** Newest first. */
    List<Agent> visible(int offset, int limit);

    Agent update(Agent agent);
}
