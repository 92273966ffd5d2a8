package com.agentanchor.council.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.council.application.port.in.NotEscalated;
import com.agentanchor.council.application.port.in.SignOffRefused;
import com.agentanchor.council.application.port.out.Decisions;
import com.agentanchor.council.application.port.out.LapsedDecision;
import com.agentanchor.council.domain.Ballot;
import com.agentanchor.council.domain.Decision;
import com.agentanchor.council.domain.DecisionStatus;
import com.agentanchor.council.domain.DecisionType;
import com.agentanchor.council.domain.HumanOverride;
import com.agentanchor.council.domain.RiskLevel;
import com.agentanchor.council.domain.SignOff;
import com.agentanchor.council.domain.Vote;
import com.agentanchor.council.domain.Votes;
import com.agentanchor.platform.database.DatabaseRefusal;
import com.agentanchor.platform.paging.Cursor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JdbcClient, not a Spring Data repository: votes are locked for counting ({@code FOR UPDATE} under the vote
 * policy), an override goes through the definer function {@code override_council_decision} (the app role may not
 * update those columns), and statuses are PostgreSQL enums.
 */
@Repository
class JdbcDecisions implements Decisions {

    private static final String COLUMNS = """
            id, agent_id, decision_type, status, risk_level, subject_action, reasoning, trust_impact, votes,
            human_override, human_override_by, human_override_reason, overridden_verdict, signed_off_by, signed_off_reason,
            created_at, decided_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcDecisions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Decision insert(Decision r, Map<String, Object> context, Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO council_decisions (agent_id, decision_type, risk_level, subject_action, subject_context,
                                               status, reasoning, decided_at, expires_at)
                VALUES (?, ?::decision_type, ?, ?, ?::jsonb, ?::decision_status, ?, CASE WHEN ? THEN now() END, ?)
                RETURNING""" + " " + COLUMNS)
                .params(r.agentId(), r.type().name(), r.riskLevel().value(), r.subjectAction(),
                        json.writeValueAsString(context), r.status().name(), r.reasoning(), r.status().decided(),
                        expiresAt == null ? null : OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .query(this::decision).single();
    }

    @Override
    public List<LapsedDecision> expireDue() {
        return jdbc.sql("SELECT * FROM expire_council_decisions()").query(this::lapsed).list();
    }

    @Override
    public List<LapsedDecision> lapseForRetiredAgent(UUID agentId) {
        return jdbc.sql("SELECT * FROM lapse_retired_agent_decisions(?)").param(agentId).query(this::lapsed).list();
    }

    private LapsedDecision lapsed(ResultSet rs, int row) throws SQLException {
        return new LapsedDecision(new Decision(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
                DecisionType.valueOf(rs.getString("decision_type")), DecisionStatus.rejected,
                new RiskLevel(rs.getInt("risk_level")), rs.getString("subject_action"), rs.getString("reasoning"), 0,
                votes(rs.getString("votes")), null, null, null, null), rs.getString("agent_name"),
                rs.getObject("owner_id", UUID.class), rs.getBoolean("agent_active"));
    }

    @Override
    public Optional<Decision> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM council_decisions WHERE id = ?").param(id)
                .query(this::decision).optional();
    }

    @Override
    public Optional<Decision> lockForVote(UUID id) {
        // FOR UPDATE applies the vote policy: only pending decisions about other trainers' agents come back.
        return jdbc.sql("SELECT " + COLUMNS + " FROM council_decisions WHERE id = ? FOR UPDATE").param(id)
                .query(this::decision).optional();
    }

    @Override
    public Decision recordVotes(Decision d) {
        return jdbc.sql("""
                UPDATE council_decisions
                   SET votes = ?::jsonb, status = ?::decision_status, reasoning = coalesce(?, reasoning),
                       trust_impact = ?, decided_at = CASE WHEN ? THEN now() END
                 WHERE id = ?
                RETURNING""" + " " + COLUMNS)
                .params(json.writeValueAsString(toJson(d.votes())), d.status().name(), d.reasoning(),
                        d.trustImpact(), d.status().decided(), d.id())
                .query(this::decision).single();
    }

    /** Row-level security decides whose decisions come back: the agent's owner's, the validators' (all), the agent's. */
    @Override
    public List<Decision> history(UUID agentId, DecisionStatus status, Cursor.Position before, int limit) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (agentId != null) {
            where.add("agent_id = ?");
            params.add(agentId);
        }
        if (status != null) {
            where.add("status = ?::decision_status");
            params.add(status.name());
        }
        if (before != null) {
            where.add("(created_at, id) < (?::timestamptz, ?::uuid)");
            params.add(before.createdAt().toString());
            params.add(before.id());
        }
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM council_decisions"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(params).query(this::decision).list();
    }

    @Override
    public List<Decision> pending(int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                + " FROM council_decisions WHERE status = 'pending' ORDER BY created_at DESC, id DESC LIMIT ?")
                .param(limit).query(this::decision).list();
    }

    @Override
    public Optional<DecisionStatus> override(UUID id, String reason) {
        return jdbc.sql("SELECT override_council_decision(?, ?)::text").params(id, reason)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)).map(DecisionStatus::valueOf)).single();
    }

    @Override
    public boolean signOff(UUID id, String reason) {
        try {
            return jdbc.sql("SELECT sign_off_council_decision(?, ?)").params(id, reason).query(Boolean.class)
                    .single();
        } catch (DataAccessException e) {
            var refused = DatabaseRefusal.of(e, "42501", "23514").orElseThrow(() -> e);
            throw refused.state().equals("42501") ? new SignOffRefused(refused.why()) : new NotEscalated(refused.why());
        }
    }

    @Override
    public boolean actingUserIsValidator() {
        return jdbc.sql("SELECT is_validator()").query(Boolean.class).single();
    }

    /** The origin's shape: {@code {for, against, abstain, validators: [{validatorId, vote, reason}]}}. */
    private static LinkedHashMap<String, Object> toJson(Votes votes) {
        var map = new LinkedHashMap<String, Object>();
        map.put("for", votes.count(Vote.FOR));
        map.put("against", votes.count(Vote.AGAINST));
        map.put("abstain", votes.count(Vote.ABSTAIN));
        map.put("validators", votes.ballots().stream().map(b -> {
            var ballot = new LinkedHashMap<String, Object>();
            ballot.put("validatorId", b.validatorId().toString());
            ballot.put("vote", b.vote().wireName());
            ballot.put("reason", b.reason());
            return ballot;
        }).toList());
        return map;
    }

    private Votes votes(String column) {
        if (column == null) {
            return Votes.NONE;
        }
        var ballots = new ArrayList<Ballot>();
        for (JsonNode b : json.readTree(column).path("validators")) {
            var reason = b.path("reason");
            ballots.add(new Ballot(UUID.fromString(b.get("validatorId").asString()),
                    Vote.ofWireName(b.get("vote").asString()), reason.isNull() || reason.isMissingNode() ? null
                            : reason.asString()));
        }
        return new Votes(ballots);
    }

    private Decision decision(ResultSet rs, int row) throws SQLException {
        var decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
                DecisionType.valueOf(rs.getString("decision_type")), DecisionStatus.valueOf(rs.getString("status")),
                new RiskLevel(rs.getInt("risk_level")), rs.getString("subject_action"), rs.getString("reasoning"),
                rs.getInt("trust_impact"), votes(rs.getString("votes")),
                rs.getBoolean("human_override") ? new HumanOverride(rs.getObject("human_override_by", UUID.class),
                        rs.getString("human_override_reason"), DecisionStatus.valueOf(rs.getString("overridden_verdict")))
                        : null,
                rs.getString("signed_off_reason") == null ? null
                        : new SignOff(rs.getObject("signed_off_by", UUID.class), rs.getString("signed_off_reason")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                decided == null ? null : decided.toInstant());
    }
}
