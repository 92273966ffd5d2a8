package com.agentanchor.agents.application.port.in;

/** How an examination ends for the agent: it graduates, trains for another attempt, or starts over as a draft. */
public enum ExaminationResult {
    PASSED, RETAKE, FAILED
}
