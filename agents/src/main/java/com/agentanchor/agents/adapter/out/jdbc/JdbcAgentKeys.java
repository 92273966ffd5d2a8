package com.agentanchor.agents.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.agents.application.port.in.AgentKeyView;
import com.agentanchor.agents.application.port.out.AgentKeyStore;

/** JdbcClient: the app role may not read key hashes, so no repository could load a whole row. */
@Repository
class JdbcAgentKeys implements AgentKeyStore {

    private static final String VIEW = "id, name, key_prefix, created_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;

    JdbcAgentKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AgentKeyView insert(UUID agentId, String name, byte[] keyHash, String prefix) {
        return jdbc.sql("INSERT INTO agent_keys (agent_id, name, key_hash, key_prefix) VALUES (?, ?, ?, ?) RETURNING "
                + VIEW).params(agentId, name, keyHash, prefix).query(JdbcAgentKeys::view).single();
    }

    @Override
    public List<AgentKeyView> of(UUID agentId) {
        return jdbc.sql("SELECT " + VIEW + " FROM agent_keys WHERE agent_id = ? ORDER BY created_at DESC, id")
                .param(agentId).query(JdbcAgentKeys::view).list();
    }

    @Override
    public boolean revoke(UUID agentId, UUID keyId) {
        return jdbc.sql("UPDATE agent_keys SET revoked_at = now() WHERE id = ? AND agent_id = ? AND revoked_at IS NULL")
                .params(keyId, agentId).update() == 1;
    }

    @Override
    public Optional<UUID> agentOf(byte[] keyHash) {
        return jdbc.sql("SELECT authenticate_agent_key(?)").param(keyHash).query(UUID.class).optional();
    }

    private static AgentKeyView view(ResultSet rs, int row) throws SQLException {
        return new AgentKeyView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("key_prefix"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
