package com.agentanchor.agents.adapter.in.storefront;

import java.util.List;

import org.springframework.stereotype.Component;

import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.application.port.in.ShowcasedAgent;
import com.agentanchor.profiles.application.port.in.StorefrontShelves;

/** An owner's agents in public view, on their public page ({@code GET /api/profiles/{id}}). */
@Component
class PublicAgentsShelf implements StorefrontShelves.Agents {

    private final AgentCatalog catalog;

    PublicAgentsShelf(AgentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<ShowcasedAgent> publicAgentsOf(ProfileId owner, int limit) {
        return catalog.publicAgentsOf(owner, limit).stream()
                .map(a -> new ShowcasedAgent(a.id(), a.name(), a.description(), a.trustScore(), a.trustTier(),
                        a.metadata() == null ? null : a.metadata().category(),
                        a.metadata() == null || a.metadata().tags() == null ? List.of() : a.metadata().tags(),
                        a.graduatedAt()))
                .toList();
    }
}
