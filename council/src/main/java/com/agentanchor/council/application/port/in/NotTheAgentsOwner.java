package com.agentanchor.council.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** Only the human who answers for an agent, its owner, may overrule the council about it. */
public class NotTheAgentsOwner extends Refusal.NotAllowed {

    public NotTheAgentsOwner() {
        super("Not the agent's owner", "Only the agent's owner may override the council's verdict about it");
    }
}
