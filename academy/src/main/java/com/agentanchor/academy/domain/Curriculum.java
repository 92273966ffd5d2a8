package com.agentanchor.academy.domain;

import java.util.List;
import java.util.Optional;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * What an agent enrolled in a curriculum must pass: its modules, in order, each with its pass mark, then an
 * examination with {@link #examinationPassMark}.
 */
@ValueObject
public record Curriculum(CurriculumType type, String title, String description, String version,
        int examinationPassMark, List<CurriculumModule> modules) {

    public Curriculum {
        modules = List.copyOf(modules);
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("a curriculum has modules");
        }
        for (int i = 0; i < modules.size(); i++) {
            if (modules.get(i).number() != i + 1) {
                throw new IllegalArgumentException(type + ": modules are numbered 1.." + modules.size());
            }
        }
    }

    public int totalModules() {
        return modules.size();
    }

    public Optional<CurriculumModule> module(int number) {
        return number >= 1 && number <= modules.size() ? Optional.of(modules.get(number - 1)) : Optional.empty();
    }

    public boolean examinationPassedWith(int score) {
        return score >= examinationPassMark;
    }
}
