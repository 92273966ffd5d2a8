package com.agentanchor.agents;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.agents.events.AgentRegistered;
import com.agentanchor.profiles.events.ProfileCreated;
import com.agentanchor.support.Api;
import com.agentanchor.support.AtOnce;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.support.PublishedEvents;

@IntegrationTest
class AgentsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    PublishedEvents published;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void registersAnAgentAsADraftWithTheStartingTrust() {
        var token = api.token(unique("trainer"));
        var created = api.post("/api/agents", token, Map.of("name", "Scout", "description", "Finds things",
                "systemPrompt", "You are Scout", "config", Map.of("temperature", 0.2, "autonomyLevel", "low"),
                "metadata", Map.of("tags", List.of("search"))));

        assertThat(created.status()).isEqualTo(201);
        var agent = created.body();
        assertThat(agent.get("status").asString()).isEqualTo("draft");
        assertThat(agent.get("trustScore").asInt()).isEqualTo(100);
        assertThat(agent.get("trustTier").asString()).isEqualTo("Untrusted");
        assertThat(agent.get("model").asString()).isEqualTo("claude-3-5-sonnet-20241022");
        assertThat(agent.get("config").get("autonomyLevel").asString()).isEqualTo("low");
        assertThat(created.location()).hasValueSatisfying(
                l -> assertThat(l).endsWith("/api/agents/" + agent.get("id").asString()));

        var read = api.get("/api/agents/" + agent.get("id").asString(), token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("systemPrompt").asString()).isEqualTo("You are Scout");
        assertThat(read.body().get("metadata").get("tags").get(0).asString()).isEqualTo("search");
    }

    @Test
    void registrationIsPublished() {
        var token = api.token(unique("trainer"));
        var id = api.post("/api/agents", token, Map.of("name", "Watched")).body().get("id").asString();

        assertThat(published.ofType(AgentRegistered.class)).anySatisfy(e -> assertThat(e.agentId()).hasToString(id));
    }

    @Test
    void aUserSeesTheirOwnAgentsAndActiveOnesButNotOthersDrafts() {
        var alice = api.token(unique("alice"));
        var bob = api.token(unique("bob"));
        var aliceDraft = api.post("/api/agents", alice, Map.of("name", "Alice's draft")).body().get("id").asString();
        var bobDraft = api.post("/api/agents", bob, Map.of("name", "Bob's draft")).body().get("id").asString();
        var bobActive = api.post("/api/agents", bob, Map.of("name", "Bob's star", "systemPrompt", "secret"))
                .body().get("id").asString();
        owner.update("UPDATE agents SET status = 'active' WHERE id = ?::uuid", bobActive);

        var listed = new ArrayList<String>();
        api.get("/api/agents?size=100", alice).body().get("items").forEach(a -> listed.add(a.get("id").asString()));
        assertThat(listed).contains(aliceDraft, bobActive).doesNotContain(bobDraft);

        assertThat(api.get("/api/agents/" + bobDraft, alice).status()).isEqualTo(404);
        var star = api.get("/api/agents/" + bobActive, alice);
        assertThat(star.status()).isEqualTo(200);
        assertThat(star.body().get("systemPrompt").isNull()).as("only the owner sees the prompt").isTrue();
    }

    @Test
    void onlyTheOwnerMayEditAndOthersChangeNothing() {
        var alice = api.token(unique("alice"));
        var bob = api.token(unique("bob"));
        var draft = api.post("/api/agents", alice, Map.of("name", "Original")).body().get("id").asString();
        var active = api.post("/api/agents", alice, Map.of("name", "Public")).body().get("id").asString();
        owner.update("UPDATE agents SET status = 'active' WHERE id = ?::uuid", active);

        var hidden = api.patch("/api/agents/" + draft, bob, Map.of("name", "Hijacked"));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.isProblem()).isTrue();
        var visible = api.patch("/api/agents/" + active, bob, Map.of("name", "Hijacked"));
        assertThat(visible.status()).isEqualTo(403);
        assertThat(owner.query("SELECT count(*) FROM agents WHERE name = 'Hijacked'", Long.class)).isZero();

        owner.update("UPDATE agents SET trust_score = 450 WHERE id = ?::uuid", draft);
        var edited = api.patch("/api/agents/" + draft, alice, Map.of("name", "Renamed", "description", "Now described",
                "config", Map.of("maxTokens", 2048)));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("name").asString()).isEqualTo("Renamed");
        assertThat(edited.body().get("description").asString()).isEqualTo("Now described");
        assertThat(edited.body().get("trustScore").asInt()).as("an edit never writes trust back").isEqualTo(450);
        assertThat(edited.body().get("trustTier").asString()).isEqualTo("Established");
        assertThat(api.patch("/api/agents/" + draft, alice, Map.of("description", "")).body().get("description")
                .isNull()).as("an empty string clears").isTrue();
    }

    static List<Arguments> badRequests() {
        return List.of(
                Arguments.of("{\"name\": \"x\",", "The body is not valid JSON"),
                Arguments.of("{\"name\": \"x\", \"name\": \"y\"}", "name: is given twice in one object"),
                Arguments.of("{\"name\": \"x\", \"config\": {\"model\": \"a\", \"model\": \"b\"}}",
                        "config.model: is given twice in one object"),
                Arguments.of("{}", "name: must not be blank"),
                Arguments.of("{\"name\": \"   \"}", "name: must not be blank"),
                Arguments.of("{\"name\": \"" + "n".repeat(201) + "\"}", "name: size must be between 0 and 200"),
                Arguments.of("{\"name\": \"x\", \"config\": {\"autonomyLevel\": \"wild\"}}",
                        "config.autonomyLevel: must be one of [low, medium, high]"),
                Arguments.of("{\"name\": \"x\", \"config\": {\"temperature\": 7}}", "config.temperature"),
                Arguments.of("{\"name\": \"x\", \"metadata\": {\"tags\": \"one\"}}", "metadata.tags: must be an array"),
                Arguments.of("{\"name\": \"x\", \"ownerId\": \"" + UUID.randomUUID() + "\"}",
                        "ownerId: is not a known field"),
                Arguments.of("[1, 2]", "must be an object"),
                Arguments.of("{\"name\": 123}", "name: must be a string"),
                Arguments.of("{\"name\": true}", "name: must be a string"),
                Arguments.of("{\"name\": \"x\", \"config\": {\"maxTokens\": 10.5}}",
                        "config.maxTokens: must be a whole number"),
                Arguments.of("{\"name\": \"x\", \"config\": {\"maxTokens\": 99999999999}}",
                        "config.maxTokens: is out of range for a whole number"),
                Arguments.of("{\"name\": \"x\", \"config\": {\"maxTokens\": \"100\"}}",
                        "config.maxTokens: must be a whole number"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void badInputIsAProblemThatNamesTheFieldAndWritesNothing(String body, String expected) {
        var token = api.token(unique("careless"));
        long before = owner.query("SELECT count(*) FROM agents", Long.class);

        var response = api.post("/api/agents", token, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body().get("detail").asString()).contains(expected);
        assertThat(owner.query("SELECT count(*) FROM agents", Long.class)).isEqualTo(before);
    }

    @Test
    void badIdsAndPagesAreProblemsNamingTheParameter() {
        var token = api.token(unique("careless"));
        assertThat(api.get("/api/agents/not-a-uuid", token).body().get("detail").asString()).startsWith("id: must be a UUID");
        var page = api.get("/api/agents?size=1000", token);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body().get("detail").asString()).startsWith("size:");
        assertThat(api.get("/api/agents/" + UUID.randomUUID(), token).status()).isEqualTo(404);
    }

    @Test
    void withoutAValidTokenNothingIsServedOrWritten() {
        long before = owner.query("SELECT count(*) FROM agents", Long.class);
        var token = api.token(unique("mallory"));
        var forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        var none = api.post("/api/agents", null, Map.of("name", "x"));
        var bad = api.post("/api/agents", forged, Map.of("name", "x"));
        var garbage = api.get("/api/agents", "not.a.jwt");

        assertThat(List.of(none, bad, garbage)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.isProblem()).isTrue();
        });
        assertThat(owner.query("SELECT count(*) FROM agents", Long.class)).isEqualTo(before);
    }

    @Test
    void concurrentFirstCallsProvisionOneProfileAndPublishOnce() throws Exception {
        var subject = unique("newcomer");
        var token = api.token(subject);
        var replies = AtOnce.run(8, () -> api.get("/api/profiles/me", token));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        var ids = replies.stream().map(r -> r.body().get("id").asString()).toList();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(owner.query("SELECT count(*) FROM profiles WHERE auth_user_id = ?", Long.class, subject))
                .isEqualTo(1);
        assertThat(published.ofType(ProfileCreated.class))
                .filteredOn(e -> e.profileId().toString().equals(ids.get(0))).hasSize(1);
    }
}
