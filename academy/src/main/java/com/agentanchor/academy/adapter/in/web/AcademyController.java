package com.agentanchor.academy.adapter.in.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.agentanchor.academy.application.port.in.EnrollmentView;
import com.agentanchor.academy.application.port.in.Examining;
import com.agentanchor.academy.application.port.in.Training;
import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.academy.domain.Examination;
import com.agentanchor.profiles.application.port.in.ProfileId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/academy")
class AcademyController {

    private final Training training;
    private final Examining examining;

    AcademyController(Training training, Examining examining) {
        this.training = training;
        this.examining = examining;
    }

    @PostMapping("/enrollments")
    @ResponseStatus(HttpStatus.CREATED)
    EnrollmentView enroll(ProfileId caller, @Valid @RequestBody NewEnrollment body) {
        return training.enroll(caller, body.agentId(),
                body.curriculumType() == null ? CurriculumType.basic_training : body.curriculumType());
    }

    @GetMapping("/enrollments")
    List<EnrollmentView> enrollments(@RequestParam UUID agentId) {
        return training.enrollmentsOf(agentId);
    }

    @PostMapping("/enrollments/{id}/examination")
    EnrollmentView sitExamination(ProfileId caller, @PathVariable UUID id) {
        return training.sitExamination(caller, id);
    }

    /** Examinations waiting for a validator's grade, oldest first. */
    @GetMapping("/examinations/pending")
    List<EnrollmentView> awaitingExamination(@RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
        return examining.awaitingExamination(limit);
    }

    @PostMapping("/enrollments/{id}/grades")
    EnrollmentView grade(ProfileId caller, @PathVariable UUID id, @Valid @RequestBody NewGrade body) {
        return examining.grade(caller, id, new Examination(body.score(), body.notes()));
    }

    record NewEnrollment(@NotNull UUID agentId, CurriculumType curriculumType) {
    }

    record NewGrade(@NotNull @Min(0) @Max(100) Integer score, @Size(max = 2_000) String notes) {
    }
}
