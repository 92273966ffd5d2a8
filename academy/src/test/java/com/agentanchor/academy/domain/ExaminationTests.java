package com.agentanchor.academy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExaminationTests {

    @ParameterizedTest(name = "score {0} against {1}, attempt {2}: {3}")
    @CsvSource({ "70, 70, 1, passed", "100, 85, 3, passed", "69, 70, 1, in_progress", "0, 70, 2, in_progress",
            "69, 70, 3, failed", "10, 70, 4, failed", "84, 85, 1, in_progress", "85, 85, 3, passed" })
    void thePassMarkPassesAndTheThirdFailureEndsTheEnrollment(int score, int passMark, int attempt, String status) {
        var examination = new Examination(score, null);

        assertThat(examination.passes(passMark)).isEqualTo(score >= passMark);
        assertThat(examination.enrollmentStatusAfter(attempt, passMark)).isEqualTo(EnrollmentStatus.valueOf(status));
    }

    @ParameterizedTest
    @ValueSource(ints = { -1, 101 })
    void aScoreIsZeroToAHundred(int score) {
        assertThatThrownBy(() -> new Examination(score, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
