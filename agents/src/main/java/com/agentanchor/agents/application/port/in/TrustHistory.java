package com.agentanchor.agents.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.platform.paging.KeysetPage;

/** How an agent's trust came to be what it is, for whoever may see the agent. */
@PrimaryPort
public interface TrustHistory {

    /**
     * The agent's trust changes, newest first, {@code limit} at a time; {@code before} is the {@code next} of the page
     * before (none: from the newest).
     *
     * @throws AgentNotFound when the caller cannot see the agent
     * @throws com.agentanchor.platform.paging.Cursor.Invalid when {@code before} is not a cursor of this list
     */
    KeysetPage<TrustChangeView> of(AgentId agent, String before, int limit);
}
