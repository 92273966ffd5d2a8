package com.agentanchor.academy.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.academy.domain.Enrollment;
import com.agentanchor.academy.domain.Examination;

/** academy_progress, under the acting user's row-level security. */
public interface Progress {

    Enrollment insert(UUID agentId, CurriculumType curriculum);

    Optional<Enrollment> find(UUID id);

    /** The enrollment if the acting user may change it (its owner, or a validator while it is examined), locked. */
    Optional<Enrollment> lock(UUID id);

    Enrollment markExamination(UUID id);

    /** Stores a graded enrollment: the attempt and its score in the history; a pass stamps graduation. */
    Enrollment recordExamination(Enrollment graded, UUID examiner, Examination examination);

    List<Enrollment> ofAgent(UUID agentId);

    List<Enrollment> awaitingExamination(int limit);

    boolean actingUserIsValidator();
}
