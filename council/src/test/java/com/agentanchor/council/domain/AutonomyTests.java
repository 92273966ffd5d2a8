package com.agentanchor.council.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutonomyTests {

    @ParameterizedTest(name = "tier {0} acts alone up to L{1}")
    @CsvSource({ "0,0", "1,1", "2,1", "3,2", "4,2", "5,3" })
    void trustEarnsAutonomyButNeverTheCriticalLevel(int tier, int highestAlone) {
        var autonomy = new Autonomy(tier);
        assertThat(autonomy.highestRiskAlone()).isEqualTo(highestAlone);
        for (int risk = 0; risk <= RiskLevel.HIGHEST; risk++) {
            var expected = risk <= highestAlone ? Authorization.Answer.allow : Authorization.Answer.require_approval;
            assertThat(autonomy.decide(true, new RiskLevel(risk)).answer()).as("L%d", risk).isEqualTo(expected);
            assertThat(autonomy.decide(false, new RiskLevel(risk)).answer()).as("inactive, L%d", risk)
                    .isEqualTo(Authorization.Answer.deny);
        }
        assertThat(autonomy.decide(true, new RiskLevel(4)).answer()).isEqualTo(Authorization.Answer.require_approval);
    }

    @ParameterizedTest
    @CsvSource({ "0", "1" })
    void anAgentsEscalationIsNeverRoutine(int risk) {
        assertThat(CouncilRule.of(DecisionType.escalation, new RiskLevel(risk)).automatic()).isFalse();
        assertThat(CouncilRule.of(DecisionType.approval, new RiskLevel(risk)).automatic()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "-1", "6" })
    void thereAreSixTiers(int tier) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Autonomy(tier));
    }
}
