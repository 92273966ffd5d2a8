package com.agentanchor.academy.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jmolecules.ddd.annotation.ValueObject;

/** One graded examination, as the origin's {@code examination_history} keeps it ({attempt, score, date, passed}). */
@ValueObject
public record ExaminationAttempt(int attempt, BigDecimal score, boolean passed, Instant date, UUID examinerId,
        String notes) {
}
