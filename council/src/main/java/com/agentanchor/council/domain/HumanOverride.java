package com.agentanchor.council.domain;

import java.util.UUID;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * The agent's owner overruled the council: who ({@code null} once their profile is deleted; the truth chain keeps
 * them), why, and which verdict of the council they overrode ({@code approved} or {@code rejected}).
 */
@ValueObject
public record HumanOverride(UUID by, String reason, DecisionStatus overriddenVerdict) {
}
