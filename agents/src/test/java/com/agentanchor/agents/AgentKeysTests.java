package com.agentanchor.agents;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

@IntegrationTest
class AgentKeysTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    AppRoleDatabase appRole;

    Api api;
    String owner;
    String agent;

    @BeforeEach
    void agentOfItsOwn() {
        api = new Api(port);
        owner = api.token(unique("owner"));
        agent = api.post("/api/agents", owner, Map.of("name", "Keyed")).body().get("id").asString();
    }

    @Test
    void theOwnerSeesAKeyOnceAndThePlatformKeepsOnlyItsHash() throws Exception {
        var created = api.post(keys(), owner, Map.of("name", "ci runner"));

        assertThat(created.status()).isEqualTo(201);
        var key = created.body().get("key").asString();
        assertThat(key).startsWith("aak_").hasSize(4 + 43); // 256 random bits in base64url
        assertThat(created.body().get("name").asString()).isEqualTo("ci runner");
        assertThat(created.location()).hasValueSatisfying(l -> l.endsWith(created.body().get("id").asString()));

        var listed = api.get(keys(), owner).body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("prefix").asString()).isEqualTo(key.substring(0, 12));
        assertThat(listed.get(0).has("key")).isFalse();
        assertThat(listed.toString()).doesNotContain(key);

        var stored = database.rows("SELECT * FROM agent_keys WHERE agent_id = ?::uuid", agent).get(0);
        assertThat((byte[]) stored.get("key_hash")).isEqualTo(
                MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        assertThat(stored.values()).noneMatch(v -> v != null && v.toString().contains(key.substring(12)));
    }

    @Test
    void aKeyAuthenticatesItsAgentUntilRevokedAndNeverAsAUser() {
        var created = api.post(keys(), owner, Map.of("name", "k")).body();
        var key = created.get("key").asString();

        var asAgent = api.get("/api/agents", key);
        assertThat(asAgent.status()).as("a live key is an agent, and users' endpoints are not for agents")
                .isEqualTo(403);

        assertThat(api.delete(keys() + "/" + created.get("id").asString(), owner).status()).isEqualTo(204);
        var revoked = api.get("/api/agents", key);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.isProblem()).isTrue();
        assertThat(api.get(keys(), owner).body().get(0).get("revokedAt").isNull()).isFalse();
        assertThat(api.delete(keys() + "/" + created.get("id").asString(), owner).status())
                .as("revoked already").isEqualTo(404);

        assertThat(api.get("/api/agents", "aak_" + "A".repeat(43)).status()).as("unknown key").isEqualTo(401);
    }

    @Test
    void onlyTheOwnerHandsOutKeys() {
        var stranger = api.token(unique("stranger"));
        assertThat(api.post(keys(), stranger, Map.of("name", "mine now")).status())
                .as("a draft the stranger cannot see").isEqualTo(404);
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
        assertThat(api.post(keys(), stranger, Map.of("name", "mine now")).status())
                .as("an active agent the stranger sees but does not own").isEqualTo(403);
        assertThat(api.get(keys(), stranger).status()).isEqualTo(403);
        assertThat(api.post(keys(), owner, Map.of("name", " ")).status()).as("a blank name").isEqualTo(400);
        assertThat(database.query("SELECT count(*) FROM agent_keys WHERE agent_id = ?::uuid", Long.class, agent))
                .isZero();
    }

    @Test
    void theDatabaseHoldsTheSameLines() {
        var ownerId = api.profileId(owner);
        var strangerId = api.profileId(api.token(unique("stranger")));
        var insert = "INSERT INTO agent_keys (agent_id, name, key_hash, key_prefix) "
                + "VALUES (?::uuid, 'k', sha256(gen_random_uuid()::text::bytea), 'aak_x')";

        assertThatThrownBy(() -> appRole.actingFor(strangerId, jdbc -> jdbc.update(insert, agent)))
                .rootCause().hasMessageContaining("row-level security policy");
        assertThatThrownBy(() -> appRole.actingFor(ownerId, jdbc -> jdbc.queryForList(
                "SELECT key_hash FROM agent_keys"))).rootCause().hasMessageContaining("permission denied");
        assertThat(appRole.<Integer>actingFor(ownerId, jdbc -> {
            jdbc.update(insert, agent);
            jdbc.update("UPDATE agent_keys SET revoked_at = now() WHERE agent_id = ?::uuid", agent);
            return jdbc.update("UPDATE agent_keys SET revoked_at = NULL WHERE agent_id = ?::uuid", agent);
        })).as("a revoked key is never revived").isZero();

        var other = api.post("/api/agents", owner, Map.of("name", "Sibling")).body().get("id").asString();
        // Among its owner's agents: active agents of other tests' owners are public, and this database is shared.
        assertThat(appRole.<List<String>>actingForAgent(agent, jdbc -> jdbc.queryForList(
                "SELECT id::text FROM agents WHERE owner_id = ?::uuid", String.class, ownerId)))
                .as("an agent sees itself, draft or not, and no sibling").containsExactly(agent).doesNotContain(other);
        assertThat(appRole.<List<Map<String, Object>>>actingForAgent(agent,
                jdbc -> jdbc.queryForList("SELECT id FROM agent_keys")))
                .as("an agent cannot read its keys").isEmpty();
    }

    private String keys() {
        return "/api/agents/" + agent + "/keys";
    }
}
