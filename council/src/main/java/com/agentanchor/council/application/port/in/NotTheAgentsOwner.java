package com.agentanchor.council.application.port.in;

/** Only the human who answers for an agent, its owner, may overrule the council about it. */
public class NotTheAgentsOwner extends RuntimeException {

    public NotTheAgentsOwner() {
        super("Only the agent's owner may override the council's verdict about it");
    }
}
