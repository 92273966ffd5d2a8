package com.agentanchor.agents.application.service;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentKeyIssuing;
import com.agentanchor.agents.application.port.in.AgentKeyNotFound;
import com.agentanchor.agents.application.port.in.AgentKeyVerification;
import com.agentanchor.agents.application.port.in.AgentKeyView;
import com.agentanchor.agents.application.port.in.AgentNotEditable;
import com.agentanchor.agents.application.port.in.AgentNotFound;
import com.agentanchor.agents.application.port.in.IssuedAgentKey;
import com.agentanchor.agents.application.port.out.AgentKeyStore;
import com.agentanchor.agents.application.port.out.Agents;
import com.agentanchor.agents.domain.AgentKeySecret;
import com.agentanchor.profiles.application.port.in.ProfileId;

/** Keys are the owner's to hand out; the database holds the same line (agent_keys' policies). */
@Service
class AgentKeyService implements AgentKeyIssuing, AgentKeyVerification {

    private final Agents agents;
    private final AgentKeyStore keys;
    private final SecureRandom random = new SecureRandom();

    AgentKeyService(Agents agents, AgentKeyStore keys) {
        this.agents = agents;
        this.keys = keys;
    }

    @Override
    @Transactional
    public IssuedAgentKey issue(ProfileId owner, AgentId agent, String name) {
        own(owner, agent);
        var secret = AgentKeySecret.generate(random);
        var stored = keys.insert(agent.value(), name, secret.hash(), secret.prefix());
        return new IssuedAgentKey(stored.id(), stored.name(), secret.value(), stored.createdAt());
    }

    @Override
    @Transactional(readOnly = true)
    public List<AgentKeyView> keys(ProfileId owner, AgentId agent) {
        own(owner, agent);
        return keys.of(agent.value());
    }

    @Override
    @Transactional
    public void revoke(ProfileId owner, AgentId agent, UUID keyId) {
        own(owner, agent);
        if (!keys.revoke(agent.value(), keyId)) {
            throw new AgentKeyNotFound(agent, keyId);
        }
    }

    /** No transaction: one call of a definer function, autocommitted (it notes when the key was last used). */
    @Override
    public Optional<AgentId> agentOf(String key) {
        return keys.agentOf(new AgentKeySecret(key).hash()).map(AgentId::new);
    }

    /** 404 for an agent the caller cannot see, 403 for someone else's active agent. */
    private void own(ProfileId owner, AgentId id) {
        var agent = agents.find(id.value()).orElseThrow(() -> new AgentNotFound(id));
        if (!agent.isOwnedBy(owner.value())) {
            throw new AgentNotEditable(id);
        }
    }
}
