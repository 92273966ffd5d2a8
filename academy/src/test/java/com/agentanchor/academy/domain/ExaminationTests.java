package com.agentanchor.academy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExaminationTests {

    @ParameterizedTest(name = "score {0}, attempt {1}: {2}")
    @CsvSource({ "70, 1, passed", "100, 3, passed", "69, 1, in_progress", "0, 2, in_progress", "69, 3, failed",
            "10, 4, failed" })
    void seventyPassesAndTheThirdFailureEndsTheEnrollment(int score, int attempt, String status) {
        var examination = new Examination(score, null);

        assertThat(examination.passed()).isEqualTo(score >= 70);
        assertThat(examination.enrollmentStatusAfter(attempt)).isEqualTo(EnrollmentStatus.valueOf(status));
    }

    @ParameterizedTest
    @ValueSource(ints = { -1, 101 })
    void aScoreIsZeroToAHundred(int score) {
        assertThatThrownBy(() -> new Examination(score, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
