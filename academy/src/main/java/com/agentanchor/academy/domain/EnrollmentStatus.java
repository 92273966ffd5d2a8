package com.agentanchor.academy.domain;

/** Where an enrollment stands; the database enum {@code academy_status}. {@code withdrawn} is not used yet. */
public enum EnrollmentStatus {
    enrolled, in_progress, examination, passed, failed, withdrawn;

    /** Enrolled, or back in training after a failed attempt: the owner may put the agent up for examination. */
    public boolean mayRequestExamination() {
        return this == enrolled || this == in_progress;
    }
}
