package com.agentanchor.academy.application.port.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.academy.domain.Enrollment;
import com.agentanchor.academy.domain.EnrollmentStatus;
import com.agentanchor.academy.domain.ExaminationAttempt;
import com.agentanchor.academy.domain.ModuleResult;

/**
 * An agent's enrollment in a curriculum, as its owner (or a validator examining it) sees it: where it stands in its
 * modules ({@code currentModule} is {@code null} once every module is passed; {@code moduleScores} holds each
 * module's latest score, {@code overallScore} their mean), every module grading, and every examination attempt.
 */
public record EnrollmentView(UUID id, UUID agentId, CurriculumType curriculumType, String curriculumVersion,
        EnrollmentStatus status, Integer currentModule, int totalModules, List<Integer> completedModules,
        Map<Integer, Integer> moduleScores, BigDecimal overallScore, List<ModuleResult> moduleResults,
        boolean examinationOpen, int examinationAttempts, BigDecimal lastExaminationScore,
        List<ExaminationAttempt> examinationHistory, Instant enrolledAt, Instant startedAt, Instant completedAt,
        Instant graduatedAt) {

    public static EnrollmentView of(Enrollment e) {
        var curriculum = e.curriculum();
        return new EnrollmentView(e.id(), e.agentId(), e.curriculumType(), curriculum.version(), e.status(),
                e.currentModule(), curriculum.totalModules(), e.completedModules(), e.moduleScores(),
                e.overallScore(), e.moduleResults(), e.status().mayRequestExamination() && e.everyModulePassed(),
                e.examinationAttempts(), e.lastExaminationScore(), e.examinationHistory(), e.enrolledAt(),
                e.startedAt(), e.completedAt(), e.graduatedAt());
    }
}
