package com.agentanchor.agents.application.port.in;

import java.util.List;
import java.util.Optional;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/** What a user may see: their own agents and every active one. */
@PrimaryPort
public interface AgentCatalog {

    Optional<AgentView> find(ProfileId viewer, AgentId id);

    /**
     * The agents the viewer may see that the query keeps, newest first.
     *
     * @throws com.agentanchor.platform.paging.Cursor.Invalid when {@code after} is not a cursor of this list
     */
    AgentPage visibleTo(ProfileId viewer, AgentQuery query);

    /** The calling agent as it sees itself (whatever its status; never its system prompt). */
    AgentView self(CallingAgent agent);

    /** The owner's agents in public view (active), newest first, as anyone sees them: for their public page. */
    List<AgentView> publicAgentsOf(ProfileId owner, int limit);
}
