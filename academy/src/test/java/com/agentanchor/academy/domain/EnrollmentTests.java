package com.agentanchor.academy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EnrollmentTests {

    static final UUID EXAMINER = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void aPassedModuleIsCompletedAndTheNextBecomesCurrent() {
        var enrolled = Enrollment.begin(UUID.randomUUID(), UUID.randomUUID(), CurriculumType.basic_training, NOW);

        var first = enrolled.recordModuleResult(1, 90, "clear", EXAMINER, NOW);

        assertThat(first.status()).isEqualTo(EnrollmentStatus.in_progress);
        assertThat(first.currentModule()).isEqualTo(2);
        assertThat(first.completedModules()).containsExactly(1);
        assertThat(first.moduleScores()).containsExactly(Map.entry(1, 90));
        assertThat(first.overallScore()).isEqualByComparingTo("90.00");
        assertThat(first.moduleResults()).containsExactly(new ModuleResult(1, 90, true, EXAMINER, "clear", NOW));
        assertThat(enrolled.currentModule()).as("nothing changes in place").isEqualTo(1);
    }

    @Test
    void aFailedModuleStaysCurrentWithItsLatestScoreInTheMean() {
        var enrollment = Enrollment.begin(UUID.randomUUID(), UUID.randomUUID(), CurriculumType.basic_training, NOW)
                .recordModuleResult(1, 71, null, EXAMINER, NOW)
                .recordModuleResult(2, 70, null, EXAMINER, NOW);

        var failedSafety = enrollment.recordModuleResult(3, 79, "pass mark 80", EXAMINER, NOW);
        var retaken = failedSafety.recordModuleResult(3, 80, null, EXAMINER, NOW);

        assertThat(failedSafety.currentModule()).isEqualTo(3);
        assertThat(failedSafety.completedModules()).containsExactly(1, 2);
        assertThat(failedSafety.overallScore()).as("(71 + 70 + 79) / 3").isEqualByComparingTo("73.33");
        assertThat(retaken.currentModule()).isEqualTo(4);
        assertThat(retaken.moduleScores()).containsEntry(3, 80);
        assertThat(retaken.overallScore()).as("(71 + 70 + 80) / 3 = 73.666…").isEqualByComparingTo("73.67");
        assertThat(retaken.moduleResults()).extracting(ModuleResult::passed).containsExactly(true, true, false, true);
    }

    @Test
    void modulesArePassedInOrderWhileTheEnrollmentTrains() {
        var enrolled = Enrollment.begin(UUID.randomUUID(), UUID.randomUUID(), CurriculumType.remedial, NOW);

        assertThatThrownBy(() -> enrolled.recordModuleResult(2, 90, null, EXAMINER, NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("module 1 is next");
        assertThatThrownBy(() -> enrolled.recordModuleResult(3, 90, null, EXAMINER, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no module 3");
        var done = passAll(enrolled);
        assertThat(done.currentModule()).isNull();
        assertThat(done.everyModulePassed()).isTrue();
        assertThatThrownBy(() -> done.recordModuleResult(2, 90, null, EXAMINER, NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("passed already");
        for (var status : List.of(EnrollmentStatus.examination, EnrollmentStatus.passed, EnrollmentStatus.failed,
                EnrollmentStatus.withdrawn)) {
            assertThatThrownBy(() -> with(enrolled, status).recordModuleResult(1, 90, null, EXAMINER, NOW))
                    .as("%s", status).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theExaminationOpensOnlyOnceEveryModuleIsPassed() {
        var enrolled = Enrollment.begin(UUID.randomUUID(), UUID.randomUUID(), CurriculumType.basic_training, NOW);
        var twoPassed = enrolled.recordModuleResult(1, 90, null, EXAMINER, NOW)
                .recordModuleResult(2, 90, null, EXAMINER, NOW);

        assertThatThrownBy(enrolled::requestExamination).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("modules 1, 2, 3, 4, 5 to go");
        assertThatThrownBy(twoPassed::requestExamination).hasMessageContaining("modules 3, 4, 5 to go");
        assertThat(passAll(enrolled).requestExamination().status()).isEqualTo(EnrollmentStatus.examination);
        assertThatThrownBy(() -> with(passAll(enrolled), EnrollmentStatus.passed).requestExamination())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not in training");
    }

    @Test
    void aGradeCountsTheAttemptKeepsItsHistoryAndMovesTheEnrollmentWhereTheExaminationSends() {
        var sitting = passAll(Enrollment.begin(UUID.randomUUID(), UUID.randomUUID(), CurriculumType.basic_training,
                NOW)).requestExamination();

        var passed = sitting.grade(new Examination(85, "well done"), EXAMINER, NOW);
        var retake = sitting.grade(new Examination(40, null), EXAMINER, NOW);
        var last = retake.requestExamination().grade(new Examination(60, null), EXAMINER, NOW).requestExamination()
                .grade(new Examination(69, null), EXAMINER, NOW);

        assertThat(passed.status()).isEqualTo(EnrollmentStatus.passed);
        assertThat(passed.graduatedAt()).isEqualTo(NOW);
        assertThat(passed.completedAt()).isEqualTo(NOW);
        assertThat(passed.examinationHistory()).containsExactly(new ExaminationAttempt(1,
                java.math.BigDecimal.valueOf(85), true, NOW, EXAMINER, "well done"));
        assertThat(retake.status()).isEqualTo(EnrollmentStatus.in_progress);
        assertThat(retake.completedAt()).isNull();
        assertThat(last.status()).as("the third failure").isEqualTo(EnrollmentStatus.failed);
        assertThat(last.examinationAttempts()).isEqualTo(3);
        assertThat(last.examinationHistory()).extracting(ExaminationAttempt::attempt).containsExactly(1, 2, 3);
        assertThat(sitting.examinationAttempts()).as("grading changes nothing in place").isZero();
    }

    @Test
    void theExaminationPassMarkIsTheCurriculums() {
        var certification = passAll(Enrollment.begin(UUID.randomUUID(), UUID.randomUUID(),
                CurriculumType.certification, NOW)).requestExamination();

        assertThat(certification.grade(new Examination(84, null), EXAMINER, NOW).status())
                .isEqualTo(EnrollmentStatus.in_progress);
        assertThat(certification.grade(new Examination(85, null), EXAMINER, NOW).status())
                .isEqualTo(EnrollmentStatus.passed);
    }

    @Test
    void onlyAnEnrollmentUnderExaminationIsGradedAndOnlyOneInTrainingWithdraws() {
        var enrolled = Enrollment.begin(UUID.randomUUID(), UUID.randomUUID(), CurriculumType.basic_training, NOW);
        for (var status : EnrollmentStatus.values()) {
            var enrollment = with(enrolled, status);
            if (status == EnrollmentStatus.examination) {
                assertThat(enrollment.awaitingGrade()).isTrue();
            } else {
                assertThatThrownBy(() -> enrollment.grade(new Examination(90, null), EXAMINER, NOW)).as("%s", status)
                        .isInstanceOf(IllegalStateException.class);
            }
            if (status.training()) {
                var withdrawn = enrollment.withdraw(NOW);
                assertThat(withdrawn.status()).isEqualTo(EnrollmentStatus.withdrawn);
                assertThat(withdrawn.completedAt()).isEqualTo(NOW);
            } else {
                assertThatThrownBy(() -> enrollment.withdraw(NOW)).as("%s", status)
                        .isInstanceOf(IllegalStateException.class);
            }
        }
        assertThat(EnrollmentStatus.examination.open()).isTrue();
        assertThat(EnrollmentStatus.withdrawn.open()).isFalse();
        assertThat(EnrollmentStatus.examination.mayRequestExamination()).isFalse();
    }

    static Enrollment passAll(Enrollment enrollment) {
        var passed = enrollment;
        while (passed.currentModule() != null) {
            passed = passed.recordModuleResult(passed.currentModule(), 95, null, EXAMINER, NOW);
        }
        return passed;
    }

    private static Enrollment with(Enrollment e, EnrollmentStatus status) {
        return new Enrollment(e.id(), e.agentId(), e.curriculumType(), status, e.currentModule(),
                e.completedModules(), e.moduleScores(), e.overallScore(), e.moduleResults(), e.examinationAttempts(),
                e.lastExaminationScore(), e.examinationHistory(), e.enrolledAt(), e.startedAt(), e.completedAt(),
                e.graduatedAt());
    }
}
