package com.agentanchor.academy.application.port.in;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.springframework.modulith.NamedInterface;

import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * An owner's side of the academy: enroll an agent, put it up for examination, withdraw it.
 *
 * <p>Named on the type as well as on its package: Spring Modulith then carries the named interface over to the domain
 * types its signature uses (CurriculumType, and the enrollment behind its views), which callers in other modules
 * need.
 */
@NamedInterface("api")
@PrimaryPort
public interface Training {

    /**
     * Enrolls the agent: a draft goes into training; an agent in training whose last enrollment was withdrawn
     * enrolls again.
     *
     * @throws EnrollmentNotFound when the caller owns no such agent
     * @throws NotReady when the agent is neither a draft nor in training, or has an open enrollment already
     */
    EnrollmentView enroll(ProfileId owner, UUID agentId, CurriculumType curriculum);

    /**
     * The agent sits its examination; a validator grades it.
     *
     * @throws EnrollmentNotFound when the caller sees no such enrollment
     * @throws NotYourEnrollment when the caller sees it (a validator) but does not own the agent
     * @throws NotReady when the enrollment is not in training, or a module is not passed yet
     */
    EnrollmentView sitExamination(ProfileId owner, UUID enrollmentId);

    /**
     * The owner ends the enrollment while it trains; the agent stays in training and may enroll again.
     *
     * @throws EnrollmentNotFound when the caller sees no such enrollment
     * @throws NotYourEnrollment when the caller sees it (a validator) but does not own the agent
     * @throws NotReady when it is under examination or over
     */
    EnrollmentView withdraw(ProfileId owner, UUID enrollmentId);

    /**
     * The acting owner's agent was stopped (suspended by the council, or retired): its open enrollment, if it has one,
     * ends as withdrawn at any stage, under examination too. No examiner is left with an agent that will not be
     * graded, and a suspended agent, which comes back as a draft, may enroll anew.
     *
     * @return the enrollment it ended, if any
     * @throws NotReady when the agent is neither suspended nor retired
     * @throws NotYourEnrollment when the caller sees the enrollment (a validator) but does not own the agent
     */
    Optional<EnrollmentView> endForStoppedAgent(UUID agentId);

    /** The agent's enrollments the caller may see (its owner, validators), newest first. */
    List<EnrollmentView> enrollmentsOf(UUID agentId);

    /**
     * One enrollment.
     *
     * @throws EnrollmentNotFound when the caller may not see it
     */
    EnrollmentView enrollment(UUID enrollmentId);
}
