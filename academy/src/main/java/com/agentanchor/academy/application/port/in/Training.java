package com.agentanchor.academy.application.port.in;

import java.util.List;
import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.springframework.modulith.NamedInterface;

import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * An owner's side of the academy: enroll a draft, put it up for examination.
 *
 * <p>Named on the type as well as on its package: Spring Modulith then carries the named interface over to the domain
 * types its signature uses (CurriculumType, and the enrollment behind its views), which callers in other modules
 * need.
 */
@NamedInterface("api")
@PrimaryPort
public interface Training {

    /**
     * The draft goes into training.
     *
     * @throws EnrollmentNotFound when the caller owns no such agent
     * @throws NotReady when the agent is not a draft
     */
    EnrollmentView enroll(ProfileId owner, UUID agentId, CurriculumType curriculum);

    /**
     * The agent sits its examination; a validator grades it.
     *
     * @throws EnrollmentNotFound when the caller has no such enrollment
     * @throws NotReady when the enrollment is not in training
     */
    EnrollmentView sitExamination(ProfileId owner, UUID enrollmentId);

    List<EnrollmentView> enrollmentsOf(UUID agentId);
}
