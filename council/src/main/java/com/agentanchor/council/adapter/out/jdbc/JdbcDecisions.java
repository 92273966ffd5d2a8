package com.agentanchor.council.adapter.out.jdbc;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.council.application.port.in.DecisionView;
import com.agentanchor.council.application.port.in.RequestDecision;
import com.agentanchor.council.application.port.out.Decisions;
import com.agentanchor.council.domain.DecisionType;

@Repository
class JdbcDecisions implements Decisions {

    private final JdbcClient jdbc;

    JdbcDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public DecisionView insertPending(RequestDecision r) {
        return jdbc.sql("""
                INSERT INTO council_decisions (agent_id, decision_type, risk_level, subject_action)
                VALUES (?, ?::decision_type, ?, ?)
                RETURNING id, agent_id, decision_type, status, risk_level, subject_action, reasoning, created_at""")
                .params(r.agentId(), r.decisionType().name(), r.riskLevel(), r.subjectAction())
                .query((rs, n) -> new DecisionView(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
                        DecisionType.valueOf(rs.getString("decision_type")), rs.getString("status"),
                        rs.getInt("risk_level"), rs.getString("subject_action"), rs.getString("reasoning"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .single();
    }
}
