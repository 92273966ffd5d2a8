package com.agentanchor.agents.application.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.agents.application.port.in.CallingAgent;
import com.agentanchor.agents.application.port.in.AgentEditing;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentLifecycle;
import com.agentanchor.agents.application.port.in.AgentNotEditable;
import com.agentanchor.agents.application.port.in.AgentNotFound;
import com.agentanchor.agents.application.port.in.AgentNotReady;
import com.agentanchor.agents.application.port.in.AgentPage;
import com.agentanchor.agents.application.port.in.AgentQuery;
import com.agentanchor.agents.application.port.in.AgentRetiredAlready;
import com.agentanchor.agents.application.port.in.AgentRetirement;
import com.agentanchor.agents.application.port.in.AgentRegistration;
import com.agentanchor.agents.application.port.in.AgentRevision;
import com.agentanchor.agents.application.port.in.AgentView;
import com.agentanchor.agents.application.port.in.RegisterAgent;
import com.agentanchor.agents.application.port.out.Agents;
import com.agentanchor.agents.domain.Agent;
import com.agentanchor.platform.paging.Cursor;
import com.agentanchor.platform.paging.KeysetPage;
import com.agentanchor.profiles.application.port.in.ProfileId;

@Service
class AgentService implements AgentRegistration, AgentCatalog, AgentEditing, AgentLifecycle, AgentRetirement {

    /** The name the agent list's cursors carry, so that another list's cursor is refused. */
    private static final String LIST = "agents";

    private final Agents agents;
    private final AgentMoves moves;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgentService(Agents agents, AgentMoves moves, ApplicationEventPublisher events, Clock clock) {
        this.agents = agents;
        this.moves = moves;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public AgentView register(ProfileId owner, RegisterAgent c) {
        var agent = agents.insert(Agent.register(owner.value(), c.name(), c.description(), c.systemPrompt(),
                c.model(), c.config(), c.metadata()));
        events.publishEvent(agent.registered(owner.value(), clock.instant()));
        return AgentView.of(agent, owner.value());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AgentView> find(ProfileId viewer, AgentId id) {
        return agents.find(id.value()).map(a -> AgentView.of(a, viewer.value()));
    }

    @Override
    @Transactional(readOnly = true)
    public AgentView self(CallingAgent agent) {
        return agents.find(agent.id().value()).map(a -> AgentView.of(a, null))
                .orElseThrow(() -> new AgentNotFound(agent.id()));
    }

    /** A cursor continues from where its page ended, so it and a page number do not mix: the cursor wins. */
    @Override
    @Transactional(readOnly = true)
    public AgentPage visibleTo(ProfileId viewer, AgentQuery query) {
        var after = Cursor.decode(query.after(), LIST, "after");
        int size = query.size();
        var rows = agents.visible(viewer.value(), query, after, after == null ? query.page() * size : 0, size + 1);
        var page = KeysetPage.of(rows, size, a -> AgentView.of(a, viewer.value()),
                a -> Cursor.of(LIST, a.createdAt(), a.id()));
        return new AgentPage(page.items(), after == null ? query.page() : 0, size, page.next() != null, page.next());
    }

    @Override
    @Transactional
    public AgentView retire(ProfileId owner, AgentId id) {
        var agent = agents.findEditable(id.value()).orElseThrow(() -> agents.find(id.value()).isPresent()
                ? new AgentNotEditable(id)
                : new AgentNotFound(id));
        moves.retirement(agent.retire(owner.value(), "retired by its owner", clock.instant())
                .orElseThrow(() -> new AgentRetiredAlready(id)));
        return agents.find(id.value()).map(a -> AgentView.of(a, owner.value())).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AgentView> publicAgentsOf(ProfileId owner, int limit) {
        return agents.activeOf(owner.value(), limit).stream().map(a -> AgentView.of(a, null)).toList();
    }

    @Override
    @Transactional
    public AgentView revise(ProfileId editor, AgentId id, AgentRevision r) {
        var agent = agents.findEditable(id.value()).orElseThrow(() -> agents.find(id.value()).isPresent()
                ? new AgentNotEditable(id)
                : new AgentNotFound(id));
        var revised = agent.revise(r.name(), r.description(), r.systemPrompt(), r.model(), r.config(), r.metadata());
        return AgentView.of(agents.update(revised), editor.value());
    }

    @Override
    @Transactional
    public void enterTraining(ProfileId owner, AgentId id, String reason) {
        var agent = own(owner, id);
        moves.owners(agent.enroll(owner.value(), reason, clock.instant())
                .orElseThrow(() -> new AgentNotReady(id, "is " + agent.status() + ", not a draft")));
    }

    @Override
    @Transactional
    public void enterExamination(ProfileId owner, AgentId id, String reason) {
        var agent = own(owner, id);
        moves.owners(agent.submitForExamination(owner.value(), reason, clock.instant())
                .orElseThrow(() -> new AgentNotReady(id, "is " + agent.status() + ", not in training")));
    }

    private Agent own(ProfileId owner, AgentId id) {
        return agents.find(id.value()).filter(a -> a.isOwnedBy(owner.value())).orElseThrow(() -> new AgentNotFound(id));
    }
}
