package com.agentanchor.council.application.port.in;

import java.util.Optional;
import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.council.domain.DecisionStatus;
import com.agentanchor.platform.paging.KeysetPage;
import com.agentanchor.profiles.application.port.in.ProfileId;

/** Owners put what their agents want to do before the council; anyone may ask it to suspend an active agent. */
@PrimaryPort
public interface DecisionRequests {

    /**
     * Routine requests (see the council's rules) are approved at once; the rest wait for validators. An agent's
     * owner asks anything; anyone else who can see an active agent may ask to suspend it (its owner is told).
     *
     * @throws AgentNotYours when the requester does not own the agent (or cannot see it), unless it is a
     *         suspension of an active agent
     * @throws RequestNotApplicable when the request cannot apply to the agent as it is
     */
    DecisionView request(ProfileId requester, RequestDecision request);

    /** A decision the caller may see: about their own agent, an active one, or any if they are a validator. */
    Optional<DecisionView> find(UUID id);

    /**
     * The decisions the caller may see (the same as {@link #find}), newest first, {@code limit} at a time, of one agent
     * and in one status when given; {@code before} is the {@code next} of the page before.
     *
     * @throws com.agentanchor.platform.paging.Cursor.Invalid when {@code before} is not a cursor of this list
     */
    KeysetPage<DecisionView> history(UUID agentId, DecisionStatus status, String before, int limit);

    /**
     * The owner overrules the council's verdict about their agent, giving a reason: the decision is overridden and
     * the verdict it had is kept. Trust and status stay as the verdict left them; the override is on the record.
     *
     * @throws DecisionNotFound when there is no such decision the caller may see
     * @throws NotTheAgentsOwner when the caller sees it (as a validator) but does not own the agent
     * @throws OverrideRefused when it is not decided yet, overridden already, or a suspension or reinstatement
     */
    DecisionView override(ProfileId owner, UUID decisionId, String reason);

    /**
     * A platform admin signs off an escalated critical request ("unanimous + human"): it is approved, and the
     * verdict is enacted as for any approval.
     *
     * @throws com.agentanchor.profiles.application.port.in.NotAnAdmin unless the caller is a platform admin
     * @throws DecisionNotFound when there is no such decision
     * @throws SignOffRefused when the admin owns the agent or voted on the request
     * @throws NotEscalated when it is not waiting for a sign-off
     */
    DecisionView signOff(ProfileId admin, UUID decisionId, String reason);
}
