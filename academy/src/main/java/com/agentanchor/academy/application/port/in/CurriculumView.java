package com.agentanchor.academy.application.port.in;

import java.util.List;

import com.agentanchor.academy.domain.Curriculum;
import com.agentanchor.academy.domain.CurriculumModule;
import com.agentanchor.academy.domain.CurriculumType;

/** A curriculum of the catalogue: its modules in the order they are passed, each with its pass mark. */
public record CurriculumView(CurriculumType type, String title, String description, String version,
        int totalModules, int examinationPassMark, List<CurriculumModule> modules) {

    public static CurriculumView of(Curriculum c) {
        return new CurriculumView(c.type(), c.title(), c.description(), c.version(), c.totalModules(),
                c.examinationPassMark(), c.modules());
    }
}
