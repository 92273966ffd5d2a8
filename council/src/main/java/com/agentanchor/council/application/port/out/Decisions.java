package com.agentanchor.council.application.port.out;

import com.agentanchor.council.application.port.in.DecisionView;
import com.agentanchor.council.application.port.in.RequestDecision;

/** Stored council decisions, under the acting user's row-level security. */
public interface Decisions {

    /** A pending decision; row-level security refuses an agent the acting user does not own. */
    DecisionView insertPending(RequestDecision request);
}
