package com.agentanchor.academy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CurriculaTests {

    @Test
    void everyCurriculumTypeHasItsCurriculumWithModulesNumberedInOrder() {
        assertThat(Curricula.all()).extracting(Curriculum::type).containsExactly(CurriculumType.values());
        assertThat(Curricula.all()).allSatisfy(c -> {
            assertThat(c.type().curriculum()).isSameAs(c);
            assertThat(c.modules()).extracting(CurriculumModule::number)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, c.totalModules()).boxed()
                            .toList());
            assertThat(c.modules()).allSatisfy(m -> assertThat(m.passMark()).isBetween(0, 100));
            assertThat(c.examinationPassMark()).isBetween(0, 100);
            assertThat(c.version()).isEqualTo("1.0");
        });
    }

    @Test
    void basicTrainingIsTheOriginsFiveModulesWithTheExaminationAtSeventy() {
        var basic = CurriculumType.basic_training.curriculum();

        assertThat(basic.totalModules()).as("the origin's total_modules default").isEqualTo(5);
        assertThat(basic.examinationPassMark()).isEqualTo(70);
        assertThat(basic.module(3)).hasValueSatisfying(m -> assertThat(m.passedWith(79)).isFalse());
        assertThat(basic.module(0)).isEmpty();
        assertThat(basic.module(6)).isEmpty();
    }

    @Test
    void aCurriculumsModulesAreNumberedFromOneWithoutGaps() {
        assertThatThrownBy(() -> new Curriculum(CurriculumType.remedial, "t", "d", "1.0", 70,
                List.of(new CurriculumModule(2, "t", "d", 70)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CurriculumModule(1, "t", "d", 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
