package com.agentanchor.agents.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

import com.agentanchor.agents.events.AgentRegistered;
import com.agentanchor.agents.events.AgentStatusChanged;

/**
 * An AI agent built by a trainer. Its owner edits what it is; its status moves only as {@link AgentStatus} allows,
 * through the methods below, each of which returns the event it causes (empty: the move does not apply now). Trust
 * moves through the council's verdicts and examinations, never through edits.
 */
@AggregateRoot
public record Agent(
        @Identity UUID id,
        UUID ownerId,
        String name,
        String description,
        String systemPrompt,
        String model,
        AgentStatus status,
        int trustScore,
        AgentConfig config,
        AgentMetadata metadata,
        int totalInteractions,
        int successfulInteractions,
        Instant createdAt,
        Instant updatedAt,
        Instant graduatedAt,
        Instant retiredAt) {

    public static final String DEFAULT_MODEL = "claude-3-5-sonnet-20241022";
    public static final int INITIAL_TRUST_SCORE = 100;

    public Agent {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(name, "name");
        config = config == null ? AgentConfig.EMPTY : config;
        metadata = metadata == null ? AgentMetadata.EMPTY : metadata;
    }

    /** A new agent: a draft with the starting trust score, not yet stored. */
    public static Agent register(UUID ownerId, String name, String description, String systemPrompt, String model,
            AgentConfig config, AgentMetadata metadata) {
        return new Agent(null, ownerId, name.strip(), blankToNull(description), blankToNull(systemPrompt),
                model == null || model.isBlank() ? DEFAULT_MODEL : model.strip(), AgentStatus.draft,
                INITIAL_TRUST_SCORE, config, metadata, 0, 0, null, null, null, null);
    }

    /** Announces the agent once it is stored (and so has its id). */
    public AgentRegistered registered(UUID actor, Instant at) {
        return new AgentRegistered(UUID.randomUUID(), id, ownerId, name, status.name(), trustScore, actor, at);
    }

    /** The owner's edit: {@code null} keeps a value, an empty string clears an optional text. */
    public Agent revise(String name, String description, String systemPrompt, String model, AgentConfig config,
            AgentMetadata metadata) {
        return new Agent(id, ownerId, name == null ? this.name : name.strip(),
                description == null ? this.description : blankToNull(description),
                systemPrompt == null ? this.systemPrompt : blankToNull(systemPrompt),
                model == null ? this.model : model.strip(), status, trustScore,
                config == null ? this.config : config, metadata == null ? this.metadata : metadata,
                totalInteractions, successfulInteractions, createdAt, updatedAt, graduatedAt, retiredAt);
    }

    /**
     * What a validator may know of an agent under review, drafts included ({@code agent_under_review}): no prompt,
     * no configuration, no metadata.
     */
    public static Agent underReview(UUID id, UUID ownerId, String name, AgentStatus status, int trustScore,
            Instant graduatedAt) {
        return new Agent(id, ownerId, name, null, null, null, status, trustScore, null, null, 0, 0, null, null,
                graduatedAt, null);
    }

    /** The owner enrolls a draft in the academy: it goes into training. */
    public Optional<AgentStatusChanged> enroll(UUID owner, String reason, Instant at) {
        return ownerMove(AgentStatus.training, owner, reason, at);
    }

    /** The owner puts a trained agent up for its examination. */
    public Optional<AgentStatusChanged> submitForExamination(UUID owner, String reason, Instant at) {
        return ownerMove(AgentStatus.examination, owner, reason, at);
    }

    /** An examiner passes it: active, and in public view, from now on. */
    public Optional<AgentStatusChanged> graduate(UUID examiner, String reason, UUID examinationId, Instant at) {
        return closeExamination(AgentStatus.active, examiner, reason, examinationId, at);
    }

    /** An examiner fails it with attempts left: back to training. */
    public Optional<AgentStatusChanged> retrain(UUID examiner, String reason, UUID examinationId, Instant at) {
        return closeExamination(AgentStatus.training, examiner, reason, examinationId, at);
    }

    /** An examiner fails it for the last time: a draft again, free to enroll anew. */
    public Optional<AgentStatusChanged> startOver(UUID examiner, String reason, UUID examinationId, Instant at) {
        return closeExamination(AgentStatus.draft, examiner, reason, examinationId, at);
    }

    /** The council suspends it; empty when it is suspended or retired already. */
    public Optional<AgentStatusChanged> suspend(UUID validator, String reason, UUID decisionId, Instant at) {
        return governedMove(AgentStatus.suspended, validator, reason, decisionId, at);
    }

    /**
     * The council lifts its suspension: an agent that had graduated is active again, one that never did starts over
     * as a draft. Empty when it is not suspended.
     */
    public Optional<AgentStatusChanged> reinstate(UUID validator, String reason, UUID decisionId, Instant at) {
        return status == AgentStatus.suspended
                ? governedMove(graduated() ? AgentStatus.active : AgentStatus.draft, validator, reason, decisionId, at)
                : Optional.empty();
    }

    /** Its owner retires it, for good; empty when it is retired already. */
    public Optional<AgentStatusChanged> retire(UUID owner, String reason, Instant at) {
        return status.ownerMayRetire() ? Optional.of(changeTo(AgentStatus.retired, owner, reason, null, at))
                : Optional.empty();
    }

    public boolean graduated() {
        return graduatedAt != null;
    }

    public boolean inPublicView() {
        return status.inPublicView();
    }

    public TrustTier trustTier() {
        return TrustTier.of(trustScore);
    }

    public boolean isOwnedBy(UUID profileId) {
        return ownerId.equals(profileId);
    }

    private Optional<AgentStatusChanged> closeExamination(AgentStatus to, UUID examiner, String reason,
            UUID examinationId, Instant at) {
        return status == AgentStatus.examination ? governedMove(to, examiner, reason, examinationId, at)
                : Optional.empty();
    }

    private Optional<AgentStatusChanged> ownerMove(AgentStatus to, UUID owner, String reason, Instant at) {
        return status.ownerMayMoveTo(to) ? Optional.of(changeTo(to, owner, reason, null, at)) : Optional.empty();
    }

    private Optional<AgentStatusChanged> governedMove(AgentStatus to, UUID actor, String reason, UUID referenceId,
            Instant at) {
        return status.governanceMayMoveTo(to) ? Optional.of(changeTo(to, actor, reason, referenceId, at))
                : Optional.empty();
    }

    private AgentStatusChanged changeTo(AgentStatus to, UUID actor, String reason, UUID referenceId, Instant at) {
        return new AgentStatusChanged(UUID.randomUUID(), id, name, ownerId, status.name(), to.name(), reason,
                referenceId, actor, at);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
