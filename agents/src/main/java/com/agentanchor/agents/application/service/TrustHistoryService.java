package com.agentanchor.agents.application.service;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentNotFound;
import com.agentanchor.agents.application.port.in.TrustChangeView;
import com.agentanchor.agents.application.port.in.TrustHistory;
import com.agentanchor.agents.application.port.out.Agents;
import com.agentanchor.agents.application.port.out.TrustHistoryEntry;
import com.agentanchor.platform.paging.Cursor;
import com.agentanchor.platform.paging.KeysetPage;

/**
 * Reads the agent first, under the caller's row-level security, so that an agent they may not see is a 404 rather
 * than an empty history that would confirm it exists; trust_history's own policy then shows the same agents.
 */
@Service
class TrustHistoryService implements TrustHistory {

    private static final String LIST = "trust-history";

    private final Agents agents;

    TrustHistoryService(Agents agents) {
        this.agents = agents;
    }

    @Override
    @Transactional(readOnly = true)
    public KeysetPage<TrustChangeView> of(AgentId agent, String before, int limit) {
        var from = Cursor.decode(before, LIST, "before");
        agents.find(agent.value()).orElseThrow(() -> new AgentNotFound(agent));
        return KeysetPage.of(agents.trustHistory(agent.value(), from, limit + 1), limit, TrustHistoryEntry::change,
                e -> Cursor.of(LIST, e.createdAt(), e.id()));
    }
}
