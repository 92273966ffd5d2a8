package com.agentanchor.agents.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.agentanchor.agents.events.AgentStatusChanged;

/** The agent's status machine, without Spring or a database. */
class AgentTests {

    static final UUID ACTOR = UUID.randomUUID();
    static final UUID REFERENCE = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void theOwnerTakesADraftThroughTrainingToItsExaminationAndNoFurther() {
        var draft = agent(AgentStatus.draft, null);

        var enrolled = draft.enroll(ACTOR, "Enrolled", NOW).orElseThrow();

        assertThat(enrolled.previousStatus()).isEqualTo("draft");
        assertThat(enrolled.newStatus()).isEqualTo("training");
        assertThat(enrolled.agentId()).isEqualTo(draft.id());
        assertThat(enrolled.actorId()).isEqualTo(ACTOR);
        assertThat(enrolled.occurredAt()).isEqualTo(NOW);
        assertThat(agent(AgentStatus.training, null).submitForExamination(ACTOR, "ready", NOW)).get()
                .extracting(c -> c.newStatus()).isEqualTo("examination");
        assertThat(draft.submitForExamination(ACTOR, "skip training", NOW)).isEmpty();
        assertThat(agent(AgentStatus.training, null).enroll(ACTOR, "again", NOW)).isEmpty();
        assertThat(agent(AgentStatus.active, NOW).enroll(ACTOR, "a graduate", NOW)).isEmpty();
    }

    @Test
    void anExaminationEndsInGraduationAnotherAttemptOrADraftAndOnlyWhileItIsSat() {
        var sitting = agent(AgentStatus.examination, null);

        assertThat(sitting.graduate(ACTOR, "passed", REFERENCE, NOW)).get()
                .satisfies(c -> {
                    assertThat(c.newStatus()).isEqualTo("active");
                    assertThat(c.graduated()).isTrue();
                    assertThat(c.referenceId()).isEqualTo(REFERENCE);
                });
        assertThat(sitting.retrain(ACTOR, "failed", REFERENCE, NOW)).get().extracting(c -> c.newStatus())
                .isEqualTo("training");
        assertThat(sitting.startOver(ACTOR, "failed thrice", REFERENCE, NOW)).get().extracting(c -> c.newStatus())
                .isEqualTo("draft");
        assertThat(agent(AgentStatus.suspended, null).graduate(ACTOR, "passed", REFERENCE, NOW)).isEmpty();
        assertThat(agent(AgentStatus.training, null).graduate(ACTOR, "passed", REFERENCE, NOW)).isEmpty();
    }

    @Test
    void aSuspensionAppliesToAnyAgentNotSuspendedOrRetiredAndItsLiftingRemembersGraduation() {
        for (var status : AgentStatus.values()) {
            var suspended = agent(status, null).suspend(ACTOR, "leak", REFERENCE, NOW);
            assertThat(suspended.isPresent()).as("%s", status)
                    .isEqualTo(status != AgentStatus.suspended && status != AgentStatus.retired);
            suspended.ifPresent(c -> assertThat(c.stopped() && !c.retired()).as("%s", status).isTrue());
        }
        assertThat(agent(AgentStatus.suspended, NOW).reinstate(ACTOR, "fixed", REFERENCE, NOW)).get()
                .extracting(c -> c.newStatus()).as("it had graduated").isEqualTo("active");
        assertThat(agent(AgentStatus.suspended, null).reinstate(ACTOR, "fixed", REFERENCE, NOW)).get()
                .satisfies(c -> assertThat(c.stopped()).as("back").isFalse())
                .extracting(c -> c.newStatus()).as("it never graduated").isEqualTo("draft");
        assertThat(agent(AgentStatus.active, NOW).reinstate(ACTOR, "not suspended", REFERENCE, NOW)).isEmpty();
    }

    @Test
    void itsOwnerRetiresItFromAnyStatusOnceAndNothingLeadsBack() {
        for (var status : AgentStatus.values()) {
            var retired = agent(status, null).retire(ACTOR, "done", NOW);
            assertThat(retired.isPresent()).as("%s", status).isEqualTo(status != AgentStatus.retired);
            retired.ifPresent(c -> {
                assertThat(c.newStatus()).isEqualTo("retired");
                assertThat(c.retired() && c.stopped()).as("%s", status).isTrue();
            });
        }
        var retired = agent(AgentStatus.retired, null);
        assertThat(retired.suspend(ACTOR, "", REFERENCE, NOW)).isEmpty();
        assertThat(retired.reinstate(ACTOR, "", REFERENCE, NOW)).isEmpty();
        assertThat(retired.enroll(ACTOR, "", NOW)).isEmpty();
        for (var to : AgentStatus.values()) {
            assertThat(AgentStatus.retired.ownerMayMoveTo(to) || AgentStatus.retired.governanceMayMoveTo(to))
                    .as("retired -> %s", to).isFalse();
        }
    }

    @Test
    void everyMoveTheAgentMakesIsOneTheStatusMachineAllows() {
        for (var from : AgentStatus.values()) {
            var agent = agent(from, null);
            for (var owners : List.of(agent.enroll(ACTOR, "", NOW),
                    agent.submitForExamination(ACTOR, "", NOW))) {
                owners.ifPresent(c -> assertThat(from.ownerMayMoveTo(to(c))).isTrue());
            }
            for (var governed : List.of(agent.suspend(ACTOR, "", REFERENCE, NOW),
                    agent.reinstate(ACTOR, "", REFERENCE, NOW), agent.graduate(ACTOR, "", REFERENCE, NOW),
                    agent.retrain(ACTOR, "", REFERENCE, NOW), agent.startOver(ACTOR, "", REFERENCE, NOW))) {
                governed.ifPresent(c -> assertThat(from.governanceMayMoveTo(to(c))).isTrue());
            }
        }
    }

    private static AgentStatus to(AgentStatusChanged change) {
        return AgentStatus.valueOf(change.newStatus());
    }

    private static Agent agent(AgentStatus status, Instant graduatedAt) {
        return Agent.underReview(UUID.randomUUID(), UUID.randomUUID(), "Scout", status, 100, graduatedAt);
    }
}
