package com.agentanchor.academy.application.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.academy.application.port.in.CurriculumCatalogue;
import com.agentanchor.academy.application.port.in.CurriculumView;
import com.agentanchor.academy.application.port.in.EnrollmentNotFound;
import com.agentanchor.academy.application.port.in.EnrollmentView;
import com.agentanchor.academy.application.port.in.Examining;
import com.agentanchor.academy.application.port.in.NoSuchModule;
import com.agentanchor.academy.application.port.in.NotAnExaminer;
import com.agentanchor.academy.application.port.in.NotReady;
import com.agentanchor.academy.application.port.in.NotYourEnrollment;
import com.agentanchor.academy.application.port.in.Training;
import com.agentanchor.academy.application.port.out.Progress;
import com.agentanchor.academy.domain.Curricula;
import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.academy.domain.Enrollment;
import com.agentanchor.academy.domain.EnrollmentStatus;
import com.agentanchor.academy.domain.Examination;
import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.agents.application.port.in.AgentGovernance;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentLifecycle;
import com.agentanchor.agents.application.port.in.AgentNotReady;
import com.agentanchor.agents.application.port.in.AgentView;
import com.agentanchor.agents.application.port.in.TrustSource;
import com.agentanchor.agents.application.port.in.Verdict;
import com.agentanchor.agents.application.port.in.Verdict.StatusChange;
import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * Each use case asks the {@link Enrollment} first, so a refusal names its reason before anything is written; the
 * write itself is a definer function that checks the same again under a row lock (a concurrent grade, a bypassed
 * service), and whatever it refuses rolls the whole transaction back.
 */
@Service
class AcademyService implements CurriculumCatalogue, Training, Examining {

    private final Progress progress;
    private final AgentCatalog agents;
    private final AgentLifecycle lifecycle;
    private final AgentGovernance governance;
    private final Clock clock;

    AcademyService(Progress progress, AgentCatalog agents, AgentLifecycle lifecycle, AgentGovernance governance,
            Clock clock) {
        this.progress = progress;
        this.agents = agents;
        this.lifecycle = lifecycle;
        this.governance = governance;
        this.clock = clock;
    }

    @Override
    public List<CurriculumView> curricula() {
        return Curricula.all().stream().map(CurriculumView::of).toList();
    }

    @Override
    @Transactional
    public EnrollmentView enroll(ProfileId owner, UUID agentId, CurriculumType curriculum) {
        var agent = ownAgent(owner, agentId)
                .orElseThrow(() -> new EnrollmentNotFound("No agent " + agentId + " of yours"));
        var open = progress.ofAgent(agentId).stream().filter(e -> e.status().open()).findFirst();
        if (open.isPresent()) {
            throw new NotReady("Agent " + agentId + " is enrolled already (enrollment " + open.get().id() + ", "
                    + open.get().status() + "); withdraw it first");
        }
        if (!statusOf(agent).equals("training")) { // after a withdrawal it is in training already
            try {
                lifecycle.enterTraining(owner, new AgentId(agentId), "Enrolled in " + curriculum);
            } catch (AgentNotReady e) {
                throw new NotReady(e.getMessage() + ": only drafts, or agents in training after a withdrawal, "
                        + "enroll");
            }
        }
        return EnrollmentView.of(progress.insert(agentId, curriculum));
    }

    @Override
    @Transactional
    public EnrollmentView sitExamination(ProfileId owner, UUID id) {
        var enrollment = ownEnrollment(owner, id);
        try {
            enrollment.requestExamination();
        } catch (IllegalStateException e) {
            throw new NotReady(e.getMessage());
        }
        try {
            lifecycle.enterExamination(owner, new AgentId(enrollment.agentId()), "Examination requested");
        } catch (AgentNotReady e) {
            throw new NotReady(e.getMessage());
        }
        return EnrollmentView.of(progress.requestExamination(id));
    }

    @Override
    @Transactional
    public EnrollmentView withdraw(ProfileId owner, UUID id) {
        var enrollment = ownEnrollment(owner, id);
        try {
            enrollment.withdraw(clock.instant());
        } catch (IllegalStateException e) {
            throw new NotReady(e.getMessage());
        }
        return EnrollmentView.of(progress.withdraw(id));
    }

    @Override
    @Transactional
    public Optional<EnrollmentView> endForStoppedAgent(UUID agentId) {
        return progress.ofAgent(agentId).stream().filter(e -> e.status().open()).findFirst()
                .map(open -> EnrollmentView.of(progress.endForStoppedAgent(open.id())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<EnrollmentView> enrollmentsOf(UUID agentId) {
        return progress.ofAgent(agentId).stream().map(EnrollmentView::of).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public EnrollmentView enrollment(UUID id) {
        return EnrollmentView.of(progress.find(id).orElseThrow(() -> new EnrollmentNotFound("No enrollment " + id)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<EnrollmentView> awaitingExamination(int limit) {
        return progress.awaitingExamination(limit).stream().map(EnrollmentView::of).toList();
    }

    @Override
    @Transactional
    public EnrollmentView gradeModule(ProfileId validator, UUID id, int module, int score, String notes) {
        var enrollment = examinable(id);
        if (enrollment.curriculum().module(module).isEmpty()) {
            throw new NoSuchModule(enrollment.curriculumType() + " has modules 1 to "
                    + enrollment.curriculum().totalModules() + ", no module " + module);
        }
        try {
            enrollment.recordModuleResult(module, score, notes, validator.value(), clock.instant());
        } catch (IllegalStateException e) {
            throw new NotReady(e.getMessage());
        }
        return EnrollmentView.of(progress.recordModuleResult(id, module, score, notes));
    }

    @Override
    @Transactional
    public EnrollmentView grade(ProfileId validator, UUID id, Examination examination) {
        var enrollment = examinable(id);
        Enrollment expected;
        try {
            expected = enrollment.grade(examination, validator.value(), clock.instant());
        } catch (IllegalStateException e) {
            throw new NotReady(e.getMessage());
        }
        var graded = progress.gradeExamination(id, examination.score(), examination.notes());
        if (graded.status() != expected.status()) { // the parity tests keep this from happening
            throw new IllegalStateException("academy_grade_examination moved " + id + " to " + graded.status()
                    + ", the domain to " + expected.status());
        }
        var passed = graded.status() == EnrollmentStatus.passed;
        var verdict = "Examination " + (passed ? "passed" : "failed") + " with " + examination.score();
        try {
            governance.enact(validator, new AgentId(graded.agentId()), new Verdict(agentStatusAfter(graded.status()),
                    verdict, passed ? Examination.GRADUATION_TRUST : 0, TrustSource.examination, verdict, id,
                    "academy_progress"));
        } catch (AgentNotReady e) { // e.g. suspended by the council while it sat the examination
            throw new NotReady(e.getMessage());
        }
        return EnrollmentView.of(graded);
    }

    /** The enrollment, if the caller is a validator and the agent not theirs. */
    private Enrollment examinable(UUID id) {
        if (!progress.actingUserIsValidator()) {
            throw new NotAnExaminer("Only validators (seated on the council by an admin) grade modules and "
                    + "examinations");
        }
        var enrollment = progress.find(id).orElseThrow(() -> new EnrollmentNotFound("No enrollment " + id));
        if (governance.underReview(new AgentId(enrollment.agentId())).isEmpty()) {
            throw new NotAnExaminer("Validators do not grade their own agents");
        }
        return enrollment;
    }

    /** The enrollment, if the caller owns its agent: 404 when they cannot see it, 403 when they see it as a validator. */
    private Enrollment ownEnrollment(ProfileId owner, UUID id) {
        var enrollment = progress.find(id).orElseThrow(() -> new EnrollmentNotFound("No enrollment " + id));
        if (ownAgent(owner, enrollment.agentId()).isEmpty()) {
            throw new NotYourEnrollment("Enrollment " + id + " is of an agent you do not own");
        }
        return enrollment;
    }

    private Optional<AgentView> ownAgent(ProfileId owner, UUID agentId) {
        return agents.find(owner, new AgentId(agentId)).filter(a -> a.ownerId().equals(owner.value()));
    }

    /** The agent's status by name: the agents module's status type is not part of its api. */
    private static String statusOf(AgentView agent) {
        return String.valueOf(agent.status());
    }

    /** A pass graduates the agent; a failure sends it back to training, or, out of attempts, back to draft. */
    private static StatusChange agentStatusAfter(EnrollmentStatus enrollment) {
        return switch (enrollment) {
            case passed -> StatusChange.GRADUATE;
            case failed -> StatusChange.START_OVER;
            default -> StatusChange.RETRAIN;
        };
    }
}
