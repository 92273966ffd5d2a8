package com.agentanchor.platform.security;

import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request made by an agent with one of its keys: the principal is the agent's id, never the key. */
public final class AgentAuthentication extends AbstractAuthenticationToken {

    static final String ROLE = "AGENT";

    private final UUID agentId;

    AgentAuthentication(UUID agentId) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        this.agentId = agentId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public UUID getPrincipal() {
        return agentId;
    }
}
