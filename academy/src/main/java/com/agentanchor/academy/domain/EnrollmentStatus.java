package com.agentanchor.academy.domain;

/** Where an enrollment stands; the database enum {@code academy_status}. */
public enum EnrollmentStatus {
    enrolled, in_progress, examination, passed, failed, withdrawn;

    /** Enrolled, or training (modules, or again after a failed examination): modules are graded, it may withdraw. */
    public boolean training() {
        return this == enrolled || this == in_progress;
    }

    /** The owner may put the agent up for examination from here, once every module is passed. */
    public boolean mayRequestExamination() {
        return training();
    }

    /** Not over yet: an agent has at most one open enrollment. */
    public boolean open() {
        return training() || this == examination;
    }
}
