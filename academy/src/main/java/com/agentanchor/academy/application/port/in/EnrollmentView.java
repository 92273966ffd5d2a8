package com.agentanchor.academy.application.port.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.agentanchor.academy.domain.CurriculumType;

/** An agent's enrollment in a curriculum, as its owner (or a validator examining it) sees it. */
public record EnrollmentView(UUID id, UUID agentId, CurriculumType curriculumType, String status,
        int examinationAttempts, BigDecimal lastExaminationScore, Instant enrolledAt, Instant graduatedAt) {
}
