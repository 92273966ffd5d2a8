package com.agentanchor.observer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnomalyRulesTests {

    @Test
    void aSharpTrustDropIsScoredByItsSize() {
        assertThat(AnomalyRules.trustDrop(-29)).isEmpty();
        assertThat(AnomalyRules.trustDrop(-30)).hasValue(30);
        assertThat(AnomalyRules.trustDrop(-500)).hasValue(100);
        assertThat(AnomalyRules.trustDrop(50)).isEmpty();
    }

    @Test
    void burstsAndRunsStartAtTheirThresholdAndGrowWithIt() {
        assertThat(AnomalyRules.errorBurst(AnomalyRules.ERROR_BURST - 1)).isEmpty();
        assertThat(AnomalyRules.errorBurst(AnomalyRules.ERROR_BURST)).hasValue(50);
        assertThat(AnomalyRules.errorBurst(AnomalyRules.ERROR_BURST + 2)).hasValue(60);
        assertThat(AnomalyRules.errorBurst(1_000)).hasValue(100);
        assertThat(AnomalyRules.denialRun(AnomalyRules.DENIAL_RUN - 1)).isEmpty();
        assertThat(AnomalyRules.denialRun(AnomalyRules.DENIAL_RUN)).hasValue(50);
    }

    @Test
    void onlyErrorsAndCriticalEventsMakeABurst() {
        assertThat(EventSeverity.values()).filteredOn(AnomalyRules::isError)
                .containsExactly(EventSeverity.error, EventSeverity.critical);
    }
}
