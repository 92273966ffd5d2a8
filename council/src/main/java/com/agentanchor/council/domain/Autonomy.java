package com.agentanchor.council.domain;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * What an agent may do alone, earned with trust: its tier sets the highest risk level it may take without asking.
 * Above that it asks the council (an {@link DecisionType#escalation}, decided by {@link CouncilRule}); a critical
 * action (L4) is never taken alone; an agent that is not active may do nothing at all.
 *
 * <pre>
 * tier            Untrusted  Provisional  Established  Trusted  Highly Trusted  Elite
 * alone up to     L0         L1           L1           L2       L2              L3
 * </pre>
 */
@ValueObject
public record Autonomy(int tierLevel) {

    private static final int[] HIGHEST_ALONE = { 0, 1, 1, 2, 2, 3 };

    public Autonomy {
        if (tierLevel < 0 || tierLevel >= HIGHEST_ALONE.length) {
            throw new IllegalArgumentException("a trust tier level is 0 to " + (HIGHEST_ALONE.length - 1));
        }
    }

    public int highestRiskAlone() {
        return HIGHEST_ALONE[tierLevel];
    }

    /** The answer to an agent asking "may I?" before an action of {@code risk}. */
    public Authorization decide(boolean active, RiskLevel risk) {
        if (!active) {
            return Authorization.notActive();
        }
        if (risk.value() <= highestRiskAlone()) {
            return new Authorization(Authorization.Answer.allow,
                    "Risk L" + risk.value() + " is within what this agent may do alone (up to L" + highestRiskAlone()
                            + ")");
        }
        return new Authorization(Authorization.Answer.require_approval, "Risk L" + risk.value()
                + " is above what this agent may do alone (up to L" + highestRiskAlone() + "): the council decides, by "
                + CouncilRule.of(DecisionType.escalation, risk).description());
    }
}
