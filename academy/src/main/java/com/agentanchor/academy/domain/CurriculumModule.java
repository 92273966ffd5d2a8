package com.agentanchor.academy.domain;

import org.jmolecules.ddd.annotation.ValueObject;

/** One module of a curriculum: its number (from 1, taken in order), what it teaches, and the score that passes it. */
@ValueObject
public record CurriculumModule(int number, String title, String description, int passMark) {

    public CurriculumModule {
        if (number < 1) {
            throw new IllegalArgumentException("modules are numbered from 1");
        }
        if (passMark < 0 || passMark > 100) {
            throw new IllegalArgumentException("a pass mark is 0 to 100");
        }
    }

    public boolean passedWith(int score) {
        return score >= passMark;
    }
}
