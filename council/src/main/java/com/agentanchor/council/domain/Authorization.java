package com.agentanchor.council.domain;

import org.jmolecules.ddd.annotation.ValueObject;

/** The answer to an agent's "may I?", and why. */
@ValueObject
public record Authorization(Answer answer, String reason) {

    public enum Answer {
        allow, deny, require_approval
    }

    /** What an agent that is not active is told, whatever it asks: it may do nothing at all. */
    public static Authorization notActive() {
        return new Authorization(Answer.deny, "Only an active agent may act");
    }

    /**
     * Where a request the council took up stands now: approved allows, rejected denies, undecided waits; for an agent
     * that is no longer active (suspended or retired since it asked), a deny, whatever the council said or says.
     */
    public static Authorization of(Decision decision, boolean agentActive) {
        if (!agentActive) {
            return notActive();
        }
        var answer = switch (decision.status()) {
            case approved -> Answer.allow;
            case rejected -> Answer.deny;
            case overridden -> decision.humanOverride() != null
                    && decision.humanOverride().overriddenVerdict() == DecisionStatus.rejected ? Answer.allow
                            : Answer.deny;
            default -> Answer.require_approval;
        };
        var reason = decision.reasoning() != null ? decision.reasoning() : "The council has not decided yet";
        return new Authorization(answer, reason);
    }
}
