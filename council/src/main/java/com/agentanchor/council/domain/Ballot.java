package com.agentanchor.council.domain;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.annotation.ValueObject;

/** One validator's vote on one decision, with an optional reason. */
@ValueObject
public record Ballot(UUID validatorId, Vote vote, String reason) {

    public Ballot {
        Objects.requireNonNull(validatorId, "validatorId");
        Objects.requireNonNull(vote, "vote");
    }
}
