package com.agentanchor.truthchain.domain;

/** What a truth record is about; the database enum {@code truth_record_type}, as the origin named it. */
public enum RecordType {
    agent_creation, agent_graduation, agent_suspension, council_decision, trust_change, acquisition, human_override,
    system_event
}
