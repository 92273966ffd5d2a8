package com.agentanchor.academy.domain;

/** The database enum {@code curriculum_type}; what each curriculum teaches is in {@link Curricula}. */
public enum CurriculumType {
    basic_training, specialized, advanced, certification, remedial;

    public Curriculum curriculum() {
        return Curricula.of(this);
    }
}
