package com.agentanchor.agents.adapter.out.jdbc;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.agentanchor.agents.application.port.in.ActingAgent;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.platform.database.TransactionActor;

/** Hands the acting agent to the platform's transaction manager, which tells row-level security. */
@Component
class ActingAgentInTransactions implements TransactionActor {

    @Override
    public Optional<String> currentUserId() {
        return Optional.empty();
    }

    @Override
    public Optional<String> currentAgentId() {
        return ActingAgent.current().map(AgentId::toString);
    }
}
