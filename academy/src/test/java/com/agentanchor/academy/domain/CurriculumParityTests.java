package com.agentanchor.academy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.support.IntegrationTest;

/**
 * {@link Curricula} and its SQL twins agree: the database enum has the five types, {@code academy_module_pass_marks}
 * has each curriculum's modules with their pass marks, {@code academy_examination_pass_mark} its examination's.
 */
@IntegrationTest
class CurriculumParityTests {

    @Autowired
    OwnerDatabase database;

    @Test
    void theDatabaseKnowsTheSameCurriculaModulesAndPassMarks() {
        assertThat(database.rows("SELECT unnest(enum_range(NULL::curriculum_type))::text AS type"))
                .extracting(r -> r.get("type"))
                .containsExactly(Arrays.stream(CurriculumType.values()).map(Enum::name).toArray());
        for (var curriculum : Curricula.all()) {
            var marks = database.query("SELECT array_to_string(academy_module_pass_marks(?::curriculum_type), ',')",
                    String.class, curriculum.type().name());
            assertThat(marks).as("%s modules", curriculum.type()).isEqualTo(String.join(",",
                    curriculum.modules().stream().map(m -> String.valueOf(m.passMark())).toList()));
            assertThat(database.query("SELECT academy_examination_pass_mark(?::curriculum_type)", Integer.class,
                    curriculum.type().name())).as("%s examination", curriculum.type())
                    .isEqualTo(curriculum.examinationPassMark());
        }
    }
}
