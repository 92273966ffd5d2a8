package com.agentanchor.academy.application.port.in;

import java.util.List;
import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.springframework.modulith.NamedInterface;

import com.agentanchor.academy.domain.Examination;
import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * A validator's side of the academy: grade the modules and examinations of other trainers' agents.
 *
 * <p>Named on the type as well as on its package: Spring Modulith then carries the named interface over to the domain
 * types its signature uses (Examination, and the enrollment behind its views), which callers in other modules need.
 */
@NamedInterface("api")
@PrimaryPort
public interface Examining {

    /** Examinations waiting for a grade, oldest first. */
    List<EnrollmentView> awaitingExamination(int limit);

    /**
     * Grades the current module of an enrollment in training: from the module's pass mark it is passed and the next
     * one becomes current.
     *
     * @throws NotAnExaminer when the caller is not a validator, or the agent is their own
     * @throws EnrollmentNotFound when there is no such enrollment
     * @throws NoSuchModule when its curriculum has no such module
     * @throws NotReady when the enrollment is not in training, or the module is not the current one
     */
    EnrollmentView gradeModule(ProfileId validator, UUID enrollmentId, int module, int score, String notes);

    /**
     * Grades an examination: a pass graduates the agent, a fail sends it back to training.
     *
     * @throws NotAnExaminer when the caller is not a validator, or the agent is their own
     * @throws EnrollmentNotFound when there is no such enrollment the caller may see
     * @throws NotReady when the enrollment is not waiting for a grade
     */
    EnrollmentView grade(ProfileId validator, UUID enrollmentId, Examination examination);
}
