package com.agentanchor.truthchain.domain;

/** What a truth record is about; the database enum {@code truth_record_type}, as the origin named it, and {@code authorization} for an agent's refused request to act. */
public enum RecordType {
    agent_creation, agent_graduation, agent_suspension, council_decision, trust_change, acquisition, human_override,
    system_event, authorization
}
