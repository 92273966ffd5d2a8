package com.agentanchor.council;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;

import com.agentanchor.platform.security.Admins;
import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.AtOnce;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/** The council end to end: requests, votes by the origin's risk table, and what verdicts do to agents. */
@IntegrationTest
class CouncilVotingTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    AppRoleDatabase appRole;

    Api api;
    String trainer;
    String agent;

    @BeforeEach
    void trainerWithAnAgent() {
        api = new Api(port);
        trainer = validator("owner");
        agent = api.post("/api/agents", trainer, Map.of("name", "Courier")).body().get("id").asString();
    }

    @Test
    void routineRequestsAreApprovedAtOnceAndMoveNoTrust() {
        var decision = request("approval", 1, "read the calendar");

        assertThat(decision.status()).isEqualTo(201);
        assertThat(decision.body().get("status").asString()).isEqualTo("approved");
        assertThat(decision.body().get("reasoning").asString()).contains("automatically");
        assertThat(decision.body().get("decidedAt").isNull()).isFalse();
        assertThat(decision.body().get("trustImpact").asInt()).isZero();
        assertThat(trustScore()).isEqualTo(100);
    }

    @Test
    void aRiskLevelIsAWholeNumberNeverTruncatedAndAFractionWritesNothing() {
        for (Object risk : List.of(1.9, "1", true)) {
            var response = api.post("/api/council/decisions", trainer, Map.of("agentId", agent, "decisionType",
                    "approval", "riskLevel", risk, "subjectAction", "read the calendar"));
            assertThat(response.status()).as("riskLevel %s", risk).isEqualTo(400);
            assertThat(response.body().get("detail").asString()).startsWith("riskLevel:");
        }
        assertThat(database.query("SELECT count(*) FROM council_decisions WHERE agent_id = ?::uuid", Long.class,
                agent)).isZero();
    }

    @Test
    void aSingleValidatorDecidesAnElevatedRequestAndTheAgentEarnsTrust() {
        var id = request("approval", 2, "send an invoice").body().get("id").asString();
        var validator = validator("validator");

        var vote = vote(id, validator, "for", "looks fine");

        assertThat(vote.status()).isEqualTo(200);
        assertThat(vote.body().get("status").asString()).isEqualTo("approved");
        assertThat(vote.body().get("trustImpact").asInt()).isEqualTo(10);
        assertThat(vote.body().get("votes").get("for").asInt()).isEqualTo(1);
        assertThat(vote.body().get("votes").get("validators").get(0).get("reason").asString()).isEqualTo("looks fine");
        assertThat(trustScore()).isEqualTo(110);
        assertThat(database.rows(
                "SELECT source::text, change, reference_id::text FROM trust_history WHERE agent_id = ?::uuid", agent))
                .containsExactly(Map.of("source", "council_decision", "change", 10, "reference_id", id));
        assertThat(api.get("/api/council/decisions/" + id, trainer).body().get("status").asString())
                .isEqualTo("approved");
    }

    @Test
    void significantRequestsNeedThreeOfFourAndTwoAgainstRejectThem() {
        var approved = request("approval", 3, "move funds").body().get("id").asString();
        for (var cast : List.of("for", "against", "abstain", "for")) {
            assertThat(vote(approved, validator("v"), cast, null).body().get("status").asString()).isEqualTo("pending");
        }
        var third = vote(approved, validator("v5"), "for", null);
        assertThat(third.body().get("status").asString()).isEqualTo("approved");
        assertThat(third.body().get("reasoning").asString()).contains("3 for, 1 against, 1 abstaining");

        var rejected = request("modification", 3, "rewrite the contract").body().get("id").asString();
        vote(rejected, validator("v6"), "against", null);
        var second = vote(rejected, validator("v7"), "against", "too risky");
        assertThat(second.body().get("status").asString()).isEqualTo("rejected");
        assertThat(second.body().get("trustImpact").asInt()).isEqualTo(-30);
        assertThat(trustScore()).isEqualTo(100 + 15 - 30);
    }

    @Test
    void anApprovedSuspensionSuspendsAndAReinstatementLiftsIt() {
        var suspension = request("suspension", 0, "leaked a secret");
        assertThat(suspension.body().get("status").asString()).as("never routine").isEqualTo("pending");
        var validator = validator("validator");

        vote(suspension.body().get("id").asString(), validator, "for", null);

        var seen = api.get("/api/agents/" + agent, trainer).body();
        assertThat(seen.get("status").asString()).isEqualTo("suspended");
        assertThat(seen.get("trustScore").asInt()).isEqualTo(50);
        assertThat(request("suspension", 2, "again").status()).isEqualTo(409);

        var reinstatement = request("reinstatement", 2, "secret rotated").body().get("id").asString();
        vote(reinstatement, validator, "for", null);
        assertThat(api.get("/api/agents/" + agent, trainer).body().get("status").asString())
                .as("it never graduated, so it starts over").isEqualTo("draft");
        assertThat(request("reinstatement", 2, "once more").status()).isEqualTo(409);
    }

    @Test
    void aTrainerByTheirOwnChoiceOfRoleDoesNotVoteUntilAnAdminSeatsThem() {
        var id = request("approval", 2, "send an invoice").body().get("id").asString();
        var selfAppointed = api.token(unique("self-appointed"));
        api.patch("/api/profiles/me", selfAppointed, Map.of("role", "trainer"));

        var refused = vote(id, selfAppointed, "for", "trust me");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("title").asString()).isEqualTo("Not a validator");
        assertThat(trustScore()).isEqualTo(100);
        var me = api.profileId(selfAppointed);
        assertThat(api.post("/api/council/validators", api.token(Admins.DEV_ADMIN), Map.of("profileId", me))
                .status()).isEqualTo(201);
        assertThat(vote(id, selfAppointed, "for", "now seated").body().get("status").asString())
                .as("the appointed validator's vote counts").isEqualTo("approved");
        assertThat(trustScore()).isEqualTo(110);
    }

    @Test
    void anyoneWhoSeesAnActiveAgentMayAskToSuspendItButAskNothingElse() {
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
        var consumer = api.token(unique("consumer"));

        var asked = api.post("/api/council/decisions", consumer, Map.of("agentId", agent, "decisionType",
                "suspension", "riskLevel", 2, "subjectAction", "it sent me spam"));

        assertThat(asked.status()).isEqualTo(201);
        assertThat(asked.body().get("status").asString()).isEqualTo("pending");
        assertThat(api.get("/api/council/decisions/" + asked.body().get("id").asString(), trainer).status())
                .as("the owner sees it").isEqualTo(200);
        assertThat(api.post("/api/council/decisions", consumer, Map.of("agentId", agent, "decisionType",
                "approval", "riskLevel", 1, "subjectAction", "approve yourself")).status()).isEqualTo(404);
        var draft = api.post("/api/agents", trainer, Map.of("name", "Unseen")).body().get("id").asString();
        assertThat(api.post("/api/council/decisions", consumer, Map.of("agentId", draft, "decisionType",
                "suspension", "riskLevel", 2, "subjectAction", "never saw it")).status()).isEqualTo(404);
        var me = api.profileId(consumer);
        assertThat(appRole.<Integer>actingFor(me, jdbc -> {
            try {
                return jdbc.update("INSERT INTO council_decisions (agent_id, decision_type, risk_level, "
                        + "subject_action, status) VALUES (?::uuid, 'approval', 1, 'sql', 'approved')", agent);
            } catch (DataAccessException e) {
                return -1;
            }
        })).as("the database refuses a stranger's routine approval").isEqualTo(-1);
    }

    @Test
    void aCriticalRequestApprovedUnanimouslyWaitsForAnAdminsSignOffBeforeItCounts() {
        var id = request("approval", 4, "wire the whole treasury").body().get("id").asString();
        for (int i = 0; i < 4; i++) {
            vote(id, validator("v" + i), "for", null);
        }
        var escalated = api.get("/api/council/decisions/" + id, trainer).body();
        assertThat(escalated.get("status").asString()).isEqualTo("escalated");
        assertThat(escalated.get("decidedAt").isNull()).isTrue();
        assertThat(trustScore()).as("nothing enacted yet").isEqualTo(100);

        var admin = api.token(Admins.DEV_ADMIN);
        assertThat(signOff(id, validator("not-an-admin")).status()).isEqualTo(403);
        assertThat(signOff(id, trainer).status()).as("the owner is no admin either").isEqualTo(403);
        var pending = request("approval", 2, "not critical").body().get("id").asString();
        assertThat(signOff(pending, admin).status()).as("nothing to sign off").isEqualTo(409);
        var signed = signOff(id, admin);

        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.body().get("status").asString()).isEqualTo("approved");
        assertThat(signed.body().get("signOff").get("by").asString()).isEqualTo(api.profileId(admin));
        assertThat(signed.body().get("signOff").get("reason").asString()).isEqualTo("checked");
        assertThat(api.get("/api/council/decisions/" + id, trainer).body().get("signOff").get("reason").asString())
                .as("the owner reads who signed it off, and why").isEqualTo("checked");
        assertThat(trustScore()).as("+5 per risk level, once signed").isEqualTo(120);
        assertThat(signOff(id, admin).status()).as("once").isEqualTo(409);
    }

    @Test
    void anAdminWhoVotedOnACriticalRequestDoesNotSignItOffToo() {
        var id = request("approval", 4, "sell the company").body().get("id").asString();
        var admin = api.token(Admins.DEV_ADMIN);
        var adminId = api.profileId(admin);
        api.post("/api/council/validators", admin, Map.of("profileId", adminId));
        vote(id, admin, "for", null);
        for (int i = 0; i < 3; i++) {
            vote(id, validator("w" + i), "for", null);
        }

        var refused = signOff(id, admin);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asString()).contains("voted");
        assertThat(trustScore()).isEqualTo(100);
        api.delete("/api/council/validators/" + adminId, admin);
    }

    @Test
    void onlyValidatorsVoteOnlyOnceAndNeverOnTheirOwnAgents() {
        var id = request("approval", 4, "sign a lease").body().get("id").asString();
        var consumer = api.token(unique("consumer"));
        var validator = validator("validator");

        assertThat(vote(id, consumer, "for", null).status()).isEqualTo(403);
        assertThat(vote(id, trainer, "for", null).status()).as("own agent").isEqualTo(403);
        assertThat(vote(id, validator, "maybe", null).body().get("detail").asString()).startsWith("vote:");
        assertThat(vote(id, validator, "for", null).status()).isEqualTo(200);
        assertThat(vote(id, validator, "for", null).status()).isEqualTo(409);
        assertThat(vote(UUID.randomUUID().toString(), validator, "for", null).status()).isEqualTo(404);
        var rejected = vote(id, validator("dissent"), "against", null);
        assertThat(rejected.body().get("status").asString()).as("critical: unanimous").isEqualTo("rejected");
        assertThat(vote(id, validator("late"), "for", null).status()).isEqualTo(409);
        assertThat(database.query(
                "SELECT jsonb_array_length(votes->'validators') FROM council_decisions WHERE id = ?::uuid", Integer.class,
                id)).isEqualTo(2);
        var stillPending = request("approval", 2, "water the plants").body().get("id").asString();
        var pending = api.get("/api/council/decisions/pending", validator);
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.body().toString()).contains(stillPending).doesNotContain(id);
    }

    @Test
    void concurrentVotesAreCountedOnceEach() throws Exception {
        var id = request("approval", 3, "hire a contractor").body().get("id").asString();
        var validators = List.of(validator("c1"), validator("c2"), validator("c3"), validator("c4"));
        var statuses = AtOnce.each(validators, v -> vote(id, v, "for", null).status());

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).as("decided by the third vote for").isEqualTo(3);
        assertThat(database.query("SELECT (votes->>'for')::int FROM council_decisions WHERE id = ?::uuid",
                Integer.class, id)).isEqualTo(3);
        assertThat(trustScore()).isEqualTo(115);
    }

    @Test
    void theOwnerOverridesAVerdictOnceWithAReason() {
        var id = request("approval", 2, "book a venue").body().get("id").asString();
        var validator = validator("validator");
        vote(id, validator, "against", "too expensive");
        assertThat(trustScore()).isEqualTo(80);

        assertThat(override(id, validator, "I know better").status()).as("a validator, not the owner")
                .isEqualTo(403);
        assertThat(override(id, api.token(unique("stranger")), "mine").status()).isEqualTo(404);
        var blank = override(id, trainer, " ");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("detail").asString()).startsWith("reason:");
        assertThat(database.query("SELECT status::text FROM council_decisions WHERE id = ?::uuid", String.class, id))
                .isEqualTo("rejected");

        var overridden = override(id, trainer, "booked on my responsibility");

        assertThat(overridden.status()).isEqualTo(200);
        var body = overridden.body();
        assertThat(body.get("status").asString()).isEqualTo("overridden");
        assertThat(body.get("humanOverride").get("overriddenVerdict").asString()).isEqualTo("rejected");
        assertThat(body.get("humanOverride").get("reason").asString()).isEqualTo("booked on my responsibility");
        assertThat(body.get("humanOverride").get("by").asString())
                .isEqualTo(api.profileId(trainer));
        assertThat(body.get("votes").get("against").asInt()).as("the council's votes stay").isEqualTo(1);
        assertThat(body.get("reasoning").asString()).startsWith("Rejected");
        assertThat(trustScore()).as("an override is on the record, not a new verdict").isEqualTo(80);
        assertThat(override(id, trainer, "and again").status()).as("once").isEqualTo(409);
    }

    @Test
    void undecidedRequestsSuspensionsAndReinstatementsAreNotOverridden() {
        var pending = request("approval", 3, "move funds").body().get("id").asString();
        assertThat(override(pending, trainer, "just do it").status()).isEqualTo(409);

        var suspension = request("suspension", 2, "leaked a key").body().get("id").asString();
        vote(suspension, validator("validator"), "for", null);
        var refused = override(suspension, trainer, "unfair");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("suspension");

        assertThat(database.rows("""
                SELECT status::text, coalesce(human_override, false) AS overridden FROM council_decisions
                 WHERE id IN (?::uuid, ?::uuid) ORDER BY created_at""", pending, suspension)).containsExactly(
                Map.of("status", "pending", "overridden", false), Map.of("status", "approved", "overridden", false));
    }

    @Test
    void theDatabaseOverridesOnlyForTheOwnerAndKeepsAnOverrideWhole() {
        var id = request("approval", 2, "rent a car").body().get("id").asString();
        var validator = validator("validator");
        vote(id, validator, "for", null);
        var validatorId = api.profileId(validator);
        var ownerId = api.profileId(trainer);

        String byValidator = appRole.actingFor(validatorId, jdbc -> jdbc.queryForObject(
                "SELECT override_council_decision(?::uuid, 'x')", String.class, id));
        String byOwner = appRole.actingFor(ownerId, jdbc -> jdbc.queryForObject(
                "SELECT override_council_decision(?::uuid, 'x')", String.class, id));
        assertThat(byValidator).as("not the owner: nothing to override").isNull();
        assertThatThrownBy(() -> appRole.actingFor(ownerId, jdbc -> jdbc.update("""
                UPDATE council_decisions SET status = 'overridden', human_override = true,
                       human_override_reason = 'x', overridden_verdict = 'approved'
                 WHERE id = ?::uuid""", id))).as("the app role may not write an override's columns directly")
                .rootCause().hasMessageContaining("permission denied");
        assertThat(byOwner).isEqualTo("approved");
        assertThatThrownBy(() -> database.update("""
                UPDATE council_decisions SET status = 'overridden', human_override = false WHERE id = ?::uuid""", id))
                .hasMessageContaining("council_decisions_override_whole");
    }

    private Api.Response override(String decision, String token, String reason) {
        return api.post("/api/council/decisions/" + decision + "/override", token, Map.of("reason", reason));
    }

    private Api.Response request(String type, int risk, String action) {
        return api.post("/api/council/decisions", trainer, Map.of("agentId", agent, "decisionType", type,
                "riskLevel", risk, "subjectAction", action));
    }

    private Api.Response vote(String decision, String token, String vote, String reason) {
        var body = new HashMap<String, Object>();
        body.put("vote", vote);
        body.put("reason", reason);
        return api.post("/api/council/decisions/" + decision + "/votes", token, body);
    }


    /** A new trainer: on the council, so a validator of everyone else's agents. */
    private String validator(String name) {
        return api.trainer(unique(name));
    }

    private Api.Response signOff(String decision, String token) {
        return api.post("/api/council/decisions/" + decision + "/sign-off", token, Map.of("reason", "checked"));
    }

    private int trustScore() {
        return api.get("/api/agents/" + agent, trainer).body().get("trustScore").asInt();
    }
}
