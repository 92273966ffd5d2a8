package com.agentanchor.agents.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentNotReady;
import com.agentanchor.agents.application.port.in.AgentQuery;
import com.agentanchor.agents.application.port.in.TrustAdjustment;
import com.agentanchor.agents.application.port.in.TrustChangeView;
import com.agentanchor.agents.application.port.in.TrustSource;
import com.agentanchor.agents.application.port.out.Agents;
import com.agentanchor.agents.application.port.out.SettledOutcomes;
import com.agentanchor.agents.application.port.out.TrustHistoryEntry;
import com.agentanchor.agents.application.port.out.TrustMove;
import com.agentanchor.agents.domain.Agent;
import com.agentanchor.agents.domain.AgentConfig;
import com.agentanchor.agents.domain.AgentMetadata;
import com.agentanchor.agents.domain.AgentStatus;
import com.agentanchor.platform.database.DatabaseRefusal;
import com.agentanchor.platform.paging.Cursor;
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Explicit SQL rather than whole-aggregate saves: an owner's edit must not write back a trust score that a
 * council decision changed a moment ago.
 */
@Repository
class JdbcAgents implements Agents {

    private static final String COLUMNS = """
            id, owner_id, name, description, system_prompt, model, status, trust_score, config, metadata,
            total_interactions, successful_interactions, created_at, updated_at, graduated_at, retired_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    // Bound once: a list page reads two documents per row, and each readValue(String, Class) resolved the type anew.
    private final ObjectReader configs;
    private final ObjectReader metadata;

    JdbcAgents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json.rebuild()
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
        this.configs = this.json.readerFor(AgentConfig.class);
        this.metadata = this.json.readerFor(AgentMetadata.class);
    }

    @Override
    public Agent insert(Agent a) {
        return jdbc.sql("""
                INSERT INTO agents (owner_id, name, description, system_prompt, model, config, metadata)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
                RETURNING""" + " " + COLUMNS)
                .params(a.ownerId(), a.name(), a.description(), a.systemPrompt(), a.model(),
                        json.writeValueAsString(a.config()), json.writeValueAsString(a.metadata()))
                .query(this::agent).single();
    }

    @Override
    public void recordOutcomes(int successes, int failures) {
        jdbc.sql("SELECT record_agent_outcomes(?, ?)").params(successes, failures).query(Object.class).single();
    }

    @Override
    public Optional<SettledOutcomes> settleOutcomes() {
        return jdbc.sql("SELECT * FROM settle_agent_outcomes()").query(this::settled).optional();
    }

    @Override
    public List<SettledOutcomes> settleUnsettled(Duration waited) {
        return jdbc.sql("SELECT * FROM settle_unsettled_outcomes(make_interval(secs => ?))")
                .param(waited.toMillis() / 1000.0).query(this::settled).list();
    }

    private SettledOutcomes settled(ResultSet rs, int row) throws SQLException {
        return new SettledOutcomes(rs.getObject("agent_id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("name"), AgentStatus.valueOf(rs.getString("status")), rs.getInt("successes"),
                rs.getInt("failures"), new TrustMove(rs.getInt("previous_score"), rs.getInt("new_score")));
    }

    @Override
    public Optional<Agent> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agents WHERE id = ?").param(id).query(this::agent).optional();
    }

    @Override
    public Optional<Agent> findEditable(UUID id) {
        // FOR UPDATE applies the UPDATE policy too: rows the user may only read are not returned.
        return jdbc.sql("SELECT " + COLUMNS + " FROM agents WHERE id = ? FOR UPDATE").param(id)
                .query(this::agent).optional();
    }

    /**
     * Row-level security decides what is visible; the filters only narrow it. {@code q} is a substring match (ILIKE
     * with its wildcards escaped), not full text: the list is the user's own view of agents, not a search engine (the
     * marketplace's catalogue has full text).
     */
    @Override
    public List<Agent> visible(UUID viewer, AgentQuery query, Cursor.Position after, int offset, int limit) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (query.mine()) {
            where.add("owner_id = ?");
            params.add(viewer);
        }
        if (query.status() != null) {
            where.add("status = ?::agent_status");
            params.add(query.status().name());
        }
        if (query.q() != null && !query.q().isBlank()) {
            where.add("(name ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')");
            var pattern = "%" + query.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(pattern);
            params.add(pattern);
        }
        if (query.category() != null && !query.category().isBlank()) {
            where.add("metadata->>'category' = ?");
            params.add(query.category());
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            where.add("metadata->'tags' @> jsonb_build_array(?::text)");
            params.add(query.tag());
        }
        if (after != null) {
            where.add("(created_at, id) < (?::timestamptz, ?::uuid)");
            params.add(after.createdAt().toString());
            params.add(after.id());
        }
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM agents"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params).query(this::agent).list();
    }

    /** Row-level security on trust_history follows the agent's visibility (its owner, or everyone when active). */
    @Override
    public List<TrustHistoryEntry> trustHistory(UUID agentId, Cursor.Position before, int limit) {
        var params = new ArrayList<Object>();
        params.add(agentId);
        if (before != null) {
            params.add(before.createdAt().toString());
            params.add(before.id());
        }
        params.add(limit);
        return jdbc.sql("""
                SELECT id, previous_score, new_score, change, source, reason, reference_type, reference_id, created_at
                  FROM trust_history
                 WHERE agent_id = ?""" + (before == null ? "" : " AND (created_at, id) < (?::timestamptz, ?::uuid)")
                + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(params)
                .query((rs, n) -> new TrustHistoryEntry(rs.getObject("id", UUID.class), new TrustChangeView(
                        rs.getInt("previous_score"), rs.getInt("new_score"), rs.getInt("change"),
                        TrustSource.valueOf(rs.getString("source")), rs.getString("reason"),
                        rs.getString("reference_type"), rs.getObject("reference_id", UUID.class),
                        instant(rs, "created_at"))))
                .list();
    }

    @Override
    public AgentStatus retireOwn(UUID id) {
        return moved(id, "SELECT retire_own_agent(?)::text", id);
    }

    @Override
    public List<Agent> activeOf(UUID ownerId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agents WHERE owner_id = ? AND status = 'active' "
                + "ORDER BY created_at DESC, id DESC LIMIT ?").params(ownerId, limit).query(this::agent).list();
    }

    @Override
    public Agent update(Agent a) {
        return jdbc.sql("""
                UPDATE agents SET name = ?, description = ?, system_prompt = ?, model = ?, config = ?::jsonb,
                                  metadata = ?::jsonb
                 WHERE id = ?
                RETURNING""" + " " + COLUMNS)
                .params(a.name(), a.description(), a.systemPrompt(), a.model(), json.writeValueAsString(a.config()),
                        json.writeValueAsString(a.metadata()), a.id())
                .query(this::agent).single();
    }

    @Override
    public Optional<Agent> underReview(UUID id) {
        return jdbc.sql("SELECT owner_id, name, status, trust_score, graduated_at FROM agent_under_review(?)")
                .param(id)
                .query((rs, n) -> Agent.underReview(id, rs.getObject("owner_id", UUID.class), rs.getString("name"),
                        AgentStatus.valueOf(rs.getString("status")), rs.getInt("trust_score"),
                        instant(rs, "graduated_at")))
                .optional();
    }

    /** Its check_violation: the agent is retired (perhaps since the caller read it); a retired agent's trust stays. */
    @Override
    public TrustMove applyTrustChange(UUID id, TrustAdjustment a) {
        try {
            return jdbc.sql("""
                    SELECT previous_score, new_score FROM apply_trust_change(?, ?, ?::trust_source, ?, ?, ?)""")
                    .params(id, a.change(), a.source().name(), a.reason(), a.referenceId(), a.referenceType())
                    .query((rs, n) -> new TrustMove(rs.getInt("previous_score"), rs.getInt("new_score")))
                    .single();
        } catch (DataAccessException e) {
            throw DatabaseRefusal.of(e, "23514")
                    .map(r -> new AgentNotReady(new AgentId(id), "is retired: its trust no longer moves"))
                    .orElseThrow(() -> e);
        }
    }

    @Override
    public AgentStatus changeStatus(UUID id, AgentStatus status) {
        return moved(id, "SELECT change_agent_status(?, ?::agent_status)::text", id, status.name());
    }

    @Override
    public AgentStatus advanceOwn(UUID id, AgentStatus status) {
        return moved(id, "SELECT advance_own_agent(?, ?::agent_status)::text", id, status.name());
    }

    /**
     * A status function's call: it moves the agent under a row lock and answers with the status it had. Its
     * check_violation means the move is not allowed from where the agent is now, after the caller found it allowed
     * where it was: another request moved the agent in between (the same step sent twice at once, say).
     */
    private AgentStatus moved(UUID id, String call, Object... args) {
        try {
            return AgentStatus.valueOf(jdbc.sql(call).params(args).query(String.class).single());
        } catch (DataAccessException e) {
            throw DatabaseRefusal.of(e, "23514")
                    .map(r -> new AgentNotReady(new AgentId(id), "was moved by another request meanwhile"))
                    .orElseThrow(() -> e);
        }
    }

    private Agent agent(ResultSet rs, int row) throws SQLException {
        return new Agent(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("system_prompt"),
                rs.getString("model"),
                AgentStatus.valueOf(rs.getString("status")),
                rs.getInt("trust_score"),
                read(rs.getBytes("config"), configs),
                read(rs.getBytes("metadata"), metadata),
                rs.getInt("total_interactions"),
                rs.getInt("successful_interactions"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "graduated_at"),
                instant(rs, "retired_at"));
    }

    /** The column's text as the driver received it (UTF-8): parsed without first becoming a String. */
    private static <T> T read(byte[] stored, ObjectReader reader) {
        return stored == null ? null : reader.readValue(stored);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
