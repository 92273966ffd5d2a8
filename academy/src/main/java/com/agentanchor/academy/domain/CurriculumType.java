package com.agentanchor.academy.domain;

/** The database enum {@code curriculum_type}. */
public enum CurriculumType {
    basic_training, specialized, advanced, certification, remedial
}
