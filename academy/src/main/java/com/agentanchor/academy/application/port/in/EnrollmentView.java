package com.agentanchor.academy.application.port.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.academy.domain.Enrollment;
import com.agentanchor.academy.domain.EnrollmentStatus;

/** An agent's enrollment in a curriculum, as its owner (or a validator examining it) sees it. */
public record EnrollmentView(UUID id, UUID agentId, CurriculumType curriculumType, EnrollmentStatus status,
        int examinationAttempts, BigDecimal lastExaminationScore, Instant enrolledAt, Instant graduatedAt) {

    public static EnrollmentView of(Enrollment e) {
        return new EnrollmentView(e.id(), e.agentId(), e.curriculumType(), e.status(), e.examinationAttempts(),
                e.lastExaminationScore(), e.enrolledAt(), e.graduatedAt());
    }
}
