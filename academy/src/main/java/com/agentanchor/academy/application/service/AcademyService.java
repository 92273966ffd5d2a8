package com.agentanchor.academy.application.service;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.academy.application.port.in.EnrollmentNotFound;
import com.agentanchor.academy.application.port.in.EnrollmentView;
import com.agentanchor.academy.application.port.in.Examining;
import com.agentanchor.academy.application.port.in.NotAnExaminer;
import com.agentanchor.academy.application.port.in.NotReady;
import com.agentanchor.academy.application.port.in.Training;
import com.agentanchor.academy.application.port.out.Progress;
import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.academy.domain.EnrollmentStatus;
import com.agentanchor.academy.domain.Examination;
import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.agents.application.port.in.AgentGovernance;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentLifecycle;
import com.agentanchor.agents.application.port.in.AgentNotReady;
import com.agentanchor.agents.application.port.in.TrustSource;
import com.agentanchor.agents.application.port.in.Verdict;
import com.agentanchor.agents.application.port.in.Verdict.StatusChange;
import com.agentanchor.profiles.application.port.in.ProfileId;

@Service
class AcademyService implements Training, Examining {

    private final Progress progress;
    private final AgentCatalog agents;
    private final AgentLifecycle lifecycle;
    private final AgentGovernance governance;

    AcademyService(Progress progress, AgentCatalog agents, AgentLifecycle lifecycle, AgentGovernance governance) {
        this.progress = progress;
        this.agents = agents;
        this.lifecycle = lifecycle;
        this.governance = governance;
    }

    @Override
    @Transactional
    public EnrollmentView enroll(ProfileId owner, UUID agentId, CurriculumType curriculum) {
        var agent = new AgentId(agentId);
        agents.find(owner, agent).filter(a -> a.ownerId().equals(owner.value()))
                .orElseThrow(() -> new EnrollmentNotFound("No agent " + agentId + " of yours"));
        try {
            lifecycle.enterTraining(owner, agent, "Enrolled in " + curriculum);
        } catch (AgentNotReady e) {
            throw new NotReady(e.getMessage() + ": only drafts enroll");
        }
        return EnrollmentView.of(progress.insert(agentId, curriculum));
    }

    @Override
    @Transactional
    public EnrollmentView sitExamination(ProfileId owner, UUID id) {
        var enrollment = progress.lock(id).orElseThrow(() -> new EnrollmentNotFound("No enrollment " + id));
        if (!enrollment.status().mayRequestExamination()) {
            throw new NotReady("Enrollment " + id + " is " + enrollment.status());
        }
        try {
            lifecycle.enterExamination(owner, new AgentId(enrollment.agentId()), "Examination requested");
        } catch (AgentNotReady e) {
            throw new NotReady(e.getMessage());
        }
        return EnrollmentView.of(progress.markExamination(id));
    }

    @Override
    @Transactional(readOnly = true)
    public List<EnrollmentView> enrollmentsOf(UUID agentId) {
        return progress.ofAgent(agentId).stream().map(EnrollmentView::of).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<EnrollmentView> awaitingExamination(int limit) {
        return progress.awaitingExamination(limit).stream().map(EnrollmentView::of).toList();
    }

    @Override
    @Transactional
    public EnrollmentView grade(ProfileId validator, UUID id, Examination examination) {
        if (!progress.actingUserIsValidator()) {
            throw new NotAnExaminer("Only validators (profiles with the trainer role) grade examinations");
        }
        var enrollment = progress.lock(id).orElseThrow(() -> progress.find(id).isPresent()
                ? new NotReady("Enrollment " + id + " is not waiting for a grade")
                : new EnrollmentNotFound("No enrollment " + id));
        var agent = new AgentId(enrollment.agentId());
        if (governance.underReview(agent).isEmpty()) {
            throw new NotAnExaminer("Validators do not grade their own agents");
        }
        if (!enrollment.awaitingGrade()) {
            throw new NotReady("Enrollment " + id + " is " + enrollment.status() + ", not waiting for a grade");
        }
        var graded = progress.recordExamination(enrollment.grade(examination), validator.value(), examination);
        var verdict = "Examination " + (examination.passed() ? "passed" : "failed") + " with " + examination.score();
        try {
            governance.enact(validator, agent, new Verdict(agentStatusAfter(graded.status()), verdict,
                    examination.passed() ? Examination.GRADUATION_TRUST : 0, TrustSource.examination, verdict, id,
                    "academy_progress"));
        } catch (AgentNotReady e) { // e.g. suspended by the council while it sat the examination
            throw new NotReady(e.getMessage());
        }
        return EnrollmentView.of(graded);
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
