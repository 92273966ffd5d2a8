package com.agentanchor.academy.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.academy.domain.Enrollment;

/**
 * academy_progress, under the acting user's row-level security. The app may only insert an enrollment (agent and
 * curriculum); every change after that goes through a definer function that checks who acts, each of which refuses
 * with {@code NotAnExaminer}, {@code NotYourEnrollment} or {@code NotReady} as the function says.
 */
public interface Progress {

    /** A new enrollment; {@code NotReady} when the agent has an open one (one open enrollment per agent). */
    Enrollment insert(UUID agentId, CurriculumType curriculum);

    Optional<Enrollment> find(UUID id);

    /** {@code academy_record_module_result}: a validator, not the agent's owner. */
    Enrollment recordModuleResult(UUID id, int module, int score, String notes);

    /** {@code academy_request_examination}: the agent's owner, every module passed. */
    Enrollment requestExamination(UUID id);

    /** {@code academy_grade_examination}: a validator, not the agent's owner. */
    Enrollment gradeExamination(UUID id, int score, String notes);

    /** {@code academy_withdraw}: the agent's owner. */
    Enrollment withdraw(UUID id);

    /** {@code academy_end_for_stopped_agent}: a suspended or retired agent's owner ends its open enrollment. */
    Enrollment endForStoppedAgent(UUID id);

    List<Enrollment> ofAgent(UUID agentId);

    List<Enrollment> awaitingExamination(int limit);

    boolean actingUserIsValidator();
}
