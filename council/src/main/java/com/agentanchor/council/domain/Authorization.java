package com.agentanchor.council.domain;

import org.jmolecules.ddd.annotation.ValueObject;

/** The answer to an agent's "may I?", and why. */
@ValueObject
public record Authorization(Answer answer, String reason) {

    public enum Answer {
        allow, deny, require_approval
    }

    /** Where a request the council took up stands now: approved allows, rejected denies, undecided waits. */
    public static Authorization of(Decision decision) {
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
