package com.agentanchor.council.domain;

import java.util.UUID;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * An admin's sign-off of a critical (L4) approval, the human half of its rule: who ({@code null} once their profile
 * is deleted; the truth chain keeps them) and why.
 */
@ValueObject
public record SignOff(UUID by, String reason) {
}
