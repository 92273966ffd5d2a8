package com.agentanchor.academy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EnrollmentTests {

    @Test
    void aGradeCountsTheAttemptAndMovesTheEnrollmentWhereTheExaminationSends() {
        var sitting = enrollment(EnrollmentStatus.examination, 0);

        var passed = sitting.grade(new Examination(85, null));
        var retake = sitting.grade(new Examination(40, null));
        var last = enrollment(EnrollmentStatus.examination, 2).grade(new Examination(69, null));

        assertThat(passed.status()).isEqualTo(EnrollmentStatus.passed);
        assertThat(passed.examinationAttempts()).isEqualTo(1);
        assertThat(passed.lastExaminationScore()).isEqualByComparingTo("85");
        assertThat(retake.status()).isEqualTo(EnrollmentStatus.in_progress);
        assertThat(last.status()).as("the third failure").isEqualTo(EnrollmentStatus.failed);
        assertThat(last.examinationAttempts()).isEqualTo(3);
        assertThat(sitting.examinationAttempts()).as("grading changes nothing in place").isZero();
    }

    @Test
    void onlyAnEnrollmentUnderExaminationIsGraded() {
        for (var status : EnrollmentStatus.values()) {
            var enrollment = enrollment(status, 0);
            if (status == EnrollmentStatus.examination) {
                assertThat(enrollment.awaitingGrade()).isTrue();
            } else {
                assertThatThrownBy(() -> enrollment.grade(new Examination(90, null))).as("%s", status)
                        .isInstanceOf(IllegalStateException.class);
            }
        }
        assertThat(EnrollmentStatus.enrolled.mayRequestExamination()).isTrue();
        assertThat(EnrollmentStatus.in_progress.mayRequestExamination()).isTrue();
        assertThat(EnrollmentStatus.examination.mayRequestExamination()).isFalse();
        assertThat(EnrollmentStatus.passed.mayRequestExamination()).isFalse();
    }

    private static Enrollment enrollment(EnrollmentStatus status, int attempts) {
        return new Enrollment(UUID.randomUUID(), UUID.randomUUID(), CurriculumType.basic_training, status, attempts,
                attempts == 0 ? null : BigDecimal.TEN, Instant.now(), null);
    }
}
