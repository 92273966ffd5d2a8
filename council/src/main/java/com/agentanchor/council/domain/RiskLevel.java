package com.agentanchor.council.domain;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * How much could go wrong, 0 (minimal) to 4 (critical). From 3 up a decision needs more than one validator, so it
 * is escalated to the validators who are online (architecture §3.3: L3 majority, L4 unanimous plus a human).
 */
@ValueObject
public record RiskLevel(int value) {

    public static final int HIGHEST = 4;

    public RiskLevel {
        if (value < 0 || value > HIGHEST) {
            throw new IllegalArgumentException("a risk level is 0 to 4");
        }
    }

    public boolean needsEscalation() {
        return value >= 3;
    }
}
