package com.agentanchor.agents.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** A query parameter about agents that names nothing we know (a status that does not exist, an owner but "me"). */
public class InvalidAgentQuery extends Refusal.Invalid {

    public InvalidAgentQuery(String parameter, String reason) {
        super(parameter, reason);
    }
}
