package com.agentanchor.academy.domain;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * A graded examination: a score from 0 to 100. From the curriculum's examination pass mark the agent graduates and
 * earns {@link #GRADUATION_TRUST} trust (a new agent's 100 becomes 200, Provisional); below it, it trains again, and
 * after {@link #MAX_ATTEMPTS} failed attempts the enrollment has failed and the agent is a draft again, free to
 * enroll anew. {@code academy_grade_examination()} applies the same rule in the database.
 */
@ValueObject
public record Examination(int score, String notes) {

    public static final int GRADUATION_TRUST = 100;
    public static final int MAX_ATTEMPTS = 3;

    public Examination {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("a score is 0 to 100");
        }
    }

    public boolean passes(int passMark) {
        return score >= passMark;
    }

    /** Where the enrollment goes after this attempt, the {@code attempt}-th, against {@code passMark}. */
    public EnrollmentStatus enrollmentStatusAfter(int attempt, int passMark) {
        if (passes(passMark)) {
            return EnrollmentStatus.passed;
        }
        return attempt >= MAX_ATTEMPTS ? EnrollmentStatus.failed : EnrollmentStatus.in_progress;
    }
}
