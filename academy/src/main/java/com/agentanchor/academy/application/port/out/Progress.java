package com.agentanchor.academy.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.academy.application.port.in.EnrollmentView;
import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.academy.domain.Examination;

/** academy_progress, under the acting user's row-level security. */
public interface Progress {

    EnrollmentView insert(UUID agentId, CurriculumType curriculum);

    Optional<EnrollmentView> find(UUID id);

    /** The enrollment if the acting user may change it (its owner, or a validator while it is examined), locked. */
    Optional<EnrollmentView> lock(UUID id);

    EnrollmentView markExamination(UUID id);

    /** One more attempt, its score in the history, and the enrollment's new status; a pass stamps graduation. */
    EnrollmentView recordExamination(UUID id, UUID examiner, Examination examination, String status);

    List<EnrollmentView> ofAgent(UUID agentId);

    List<EnrollmentView> awaitingExamination(int limit);

    boolean actingUserIsValidator();
}
