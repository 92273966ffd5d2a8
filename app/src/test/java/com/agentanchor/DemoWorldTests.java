package com.agentanchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.agentanchor.DemoWorld.AgentLife;
import com.agentanchor.DemoWorld.Ask;
import com.agentanchor.DemoWorld.Ballot;
import com.agentanchor.DemoWorld.Grade;
import com.agentanchor.DemoWorld.ListForSale;
import com.agentanchor.DemoWorld.Outcome;
import com.agentanchor.DemoWorld.Step;
import com.agentanchor.agents.domain.AgentStatus;
import com.agentanchor.agents.domain.TrustTier;
import com.agentanchor.council.domain.CouncilRule;
import com.agentanchor.council.domain.DecisionStatus;
import com.agentanchor.council.domain.RiskLevel;
import com.agentanchor.council.domain.Votes;

/** The demo world's plan: the same for the same seed, varied enough to build screens against, and within the rules. */
class DemoWorldTests {

    @Test
    void theSameSeedPlansTheSameWorldAndAnotherSeedAnother() {
        var world = DemoWorld.plan(7);
        var again = DemoWorld.plan(7);
        var other = DemoWorld.plan(8);

        assertThat(again.people).isEqualTo(world.people);
        assertThat(again.agents).isEqualTo(world.agents);
        assertThat(again.purchases).isEqualTo(world.purchases);
        assertThat(other.agents).isNotEqualTo(world.agents);
        assertThat(other.people).isNotEqualTo(world.people);
    }

    @Test
    void everyStatusTierAndRiskLevelShowsUpWhateverTheSeed() {
        for (long seed = 1; seed <= 20; seed++) {
            var world = DemoWorld.plan(seed);
            assertThat(world.agents).hasSize(DemoWorld.AGENTS);
            assertThat(world.agents.stream().map(a -> AgentStatus.valueOf(a.status())).collect(Collectors.toSet()))
                    .as("seed %d", seed).containsExactlyInAnyOrder(AgentStatus.draft, AgentStatus.training,
                            AgentStatus.examination, AgentStatus.active, AgentStatus.suspended);
            assertThat(world.agents.stream().filter(a -> a.status().equals("active"))
                    .map(a -> TrustTier.of(a.trustScore())).collect(Collectors.toSet()))
                    .as("seed %d", seed).containsExactlyInAnyOrder(TrustTier.values());
            assertThat(asks(world).map(Ask::risk).collect(Collectors.toSet())).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
            assertThat(asks(world).map(Ask::outcome).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(Outcome.values());
            assertThat(world.people.stream().map(DemoWorld.Person::name).distinct()).hasSize(world.people.size());
            assertThat(world.agents.stream().map(a -> a.registration().name()).distinct()).hasSize(DemoWorld.AGENTS);
        }
    }

    @Test
    void itIsBigEnoughToBuildScreensAgainst() {
        var world = DemoWorld.plan(1);
        long listings = world.agents.stream().flatMap(a -> a.early().stream()).filter(ListForSale.class::isInstance)
                .count();

        assertThat(world.people).hasSize(DemoWorld.TRAINERS + DemoWorld.CONSUMERS);
        assertThat(asks(world).count()).isGreaterThan(1000);
        assertThat(asks(world).mapToInt(a -> a.ballots().size()).sum()).isGreaterThan(1000);
        assertThat(listings).isGreaterThan(50);
        assertThat(world.purchases).hasSizeGreaterThan(100);
    }

    /**
     * The ballots the plan casts decide each request exactly as planned under the council's own rule, the last ballot
     * deciding it, and only validators who do not own the agent vote or grade, each once per request.
     */
    @Test
    void theBallotsFollowTheCouncilsRule() {
        var world = DemoWorld.plan(3);
        Set<DemoWorld.Person> validators = new HashSet<>(world.validators());
        for (var agent : world.agents) {
            for (var step : steps(agent).toList()) {
                if (step instanceof Grade grade) {
                    assertThat(grade.examiner()).isIn(validators).isNotEqualTo(agent.owner());
                }
                if (!(step instanceof Ask ask)) {
                    continue;
                }
                var rule = CouncilRule.of(ask.type(), new RiskLevel(ask.risk()));
                var votes = Votes.NONE;
                var outcome = rule.automatic() ? DecisionStatus.approved : DecisionStatus.pending;
                for (Ballot ballot : ask.ballots()) {
                    assertThat(outcome).as("no ballot after the decision: %s", ask).isEqualTo(DecisionStatus.pending);
                    assertThat(ballot.validator()).isIn(validators).isNotEqualTo(agent.owner());
                    votes = votes.with(new com.agentanchor.council.domain.Ballot(
                            java.util.UUID.nameUUIDFromBytes(ballot.validator().subject().getBytes()), ballot.vote(),
                            ballot.reason()));
                    outcome = rule.outcome(votes);
                }
                assertThat(ask.ballots().stream().map(Ballot::validator).distinct()).hasSize(ask.ballots().size());
                var expected = switch (ask.outcome()) {
                    case APPROVED_AT_ONCE, APPROVED, ESCALATED -> DecisionStatus.approved;
                    case REJECTED -> DecisionStatus.rejected;
                    case OVERRIDDEN -> DecisionStatus.rejected; // the verdict the owner overrides
                    case PENDING -> DecisionStatus.pending;
                };
                assertThat(outcome).as("%s", ask).isEqualTo(expected);
                assertThat(ask.signOff() != null).isEqualTo(ask.outcome() == Outcome.APPROVED && rule.needsSignOff());
            }
        }
    }

    private static Stream<Ask> asks(DemoWorld world) {
        return world.agents.stream().flatMap(DemoWorldTests::steps).filter(Ask.class::isInstance).map(Ask.class::cast);
    }

    private static Stream<Step> steps(AgentLife agent) {
        return Stream.concat(agent.early().stream(), agent.late().stream()).filter(Objects::nonNull);
    }
}
