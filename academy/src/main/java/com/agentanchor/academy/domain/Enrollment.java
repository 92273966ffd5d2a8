package com.agentanchor.academy.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

/**
 * An agent's enrollment in a curriculum. It grades itself: {@link #grade} counts the attempt and moves to where
 * the {@link Examination} sends it (passed, another attempt, or failed for good).
 */
@AggregateRoot
public record Enrollment(@Identity UUID id, UUID agentId, CurriculumType curriculumType, EnrollmentStatus status,
        int examinationAttempts, BigDecimal lastExaminationScore, Instant enrolledAt, Instant graduatedAt) {

    public boolean awaitingGrade() {
        return status == EnrollmentStatus.examination;
    }

    /** This enrollment after {@code examination}, its next attempt; not yet stored. */
    public Enrollment grade(Examination examination) {
        if (!awaitingGrade()) {
            throw new IllegalStateException("enrollment " + id + " is " + status + ", not waiting for a grade");
        }
        var attempt = examinationAttempts + 1;
        return new Enrollment(id, agentId, curriculumType, examination.enrollmentStatusAfter(attempt), attempt,
                BigDecimal.valueOf(examination.score()), enrolledAt, graduatedAt);
    }
}
