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

import com.agentanchor.academy.application.port.in.CurriculumCatalogue;
import com.agentanchor.academy.application.port.in.CurriculumView;
import com.agentanchor.academy.application.port.in.EnrollmentView;
import com.agentanchor.academy.application.port.in.Examining;
import com.agentanchor.academy.application.port.in.Training;
import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.academy.domain.Examination;
import com.agentanchor.profiles.application.port.in.ProfileId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/academy")
@Tag(name = "Academy", description = "Curricula, enrollments, module results and examinations")
class AcademyController {

    private final CurriculumCatalogue catalogue;
    private final Training training;
    private final Examining examining;

    AcademyController(CurriculumCatalogue catalogue, Training training, Examining examining) {
        this.catalogue = catalogue;
        this.training = training;
        this.examining = examining;
    }

    @GetMapping("/curricula")
    @Operation(summary = "The curriculum catalogue", description = """
            The five curricula (basic_training, specialized, advanced, certification, remedial), each with its \
            modules in the order they are passed, every module's pass mark, and the examination's pass mark.""")
    List<CurriculumView> curricula() {
        return catalogue.curricula();
    }

    @PostMapping("/enrollments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enroll your agent in a curriculum", description = """
            A draft goes into training (an agent in training whose enrollment was withdrawn enrolls again). \
            curriculumType defaults to basic_training. It starts at module 1.""")
    @ApiResponse(responseCode = "201", description = "Enrolled")
    @ApiResponse(responseCode = "404", description = "No such agent of yours")
    @ApiResponse(responseCode = "409", description = "Neither a draft nor in training, or enrolled already")
    EnrollmentView enroll(ProfileId caller, @Valid @RequestBody NewEnrollment body) {
        return training.enroll(caller, body.agentId(),
                body.curriculumType() == null ? CurriculumType.basic_training : body.curriculumType());
    }

    @GetMapping("/enrollments")
    @Operation(summary = "An agent's enrollments", description = """
            Newest first, with module scores and results and the examination history; for the agent's owner and \
            validators (anyone else gets an empty list).""")
    List<EnrollmentView> enrollments(@RequestParam UUID agentId) {
        return training.enrollmentsOf(agentId);
    }

    @GetMapping("/enrollments/{id}")
    @Operation(summary = "One enrollment", description = """
            Where it stands (currentModule, completedModules, moduleScores, overallScore), every module result, \
            whether the examination is open, and the examination history. For the agent's owner and validators.""")
    @ApiResponse(responseCode = "200", description = "The enrollment")
    @ApiResponse(responseCode = "404", description = "No such enrollment, or none you may see")
    EnrollmentView enrollment(@PathVariable UUID id) {
        return training.enrollment(id);
    }

    @PostMapping("/enrollments/{id}/modules/{moduleId}/results")
    @Operation(summary = "Grade a module (examiner)", description = """
            A validator grades the enrollment's current module (score 0-100, notes): from the module's pass mark \
            it is passed and the next module becomes current; below it, it stays current for another try. Modules \
            are passed in order. Checked again in the database by academy_record_module_result().""")
    @ApiResponse(responseCode = "200", description = "The enrollment after the grade")
    @ApiResponse(responseCode = "403", description = "Not a validator, or your own agent")
    @ApiResponse(responseCode = "404", description = "No such enrollment, or no such module in its curriculum")
    @ApiResponse(responseCode = "409", description = """
            The enrollment is not in training, the module is not the current one, or every module is passed""")
    EnrollmentView gradeModule(ProfileId caller, @PathVariable UUID id, @PathVariable int moduleId,
            @Valid @RequestBody NewResult body) {
        return examining.gradeModule(caller, id, moduleId, body.score(), body.notes());
    }

    @PostMapping("/enrollments/{id}/examination")
    @Operation(summary = "Put your agent up for examination", description = """
            Opens only once every module of the curriculum is passed; the agent goes into examination and waits \
            for a validator's grade.""")
    @ApiResponse(responseCode = "200", description = "The enrollment, under examination")
    @ApiResponse(responseCode = "403", description = "You see the enrollment as a validator but do not own the agent")
    @ApiResponse(responseCode = "409", description = "Not in training, or a module is not passed yet")
    EnrollmentView sitExamination(ProfileId caller, @PathVariable UUID id) {
        return training.sitExamination(caller, id);
    }

    @PostMapping("/enrollments/{id}/withdraw")
    @Operation(summary = "Withdraw your agent's enrollment", description = """
            Ends an enrollment in training as withdrawn, its results kept; the agent stays in training and may \
            enroll again, in any curriculum. Not while it waits for an examination grade.""")
    @ApiResponse(responseCode = "200", description = "The enrollment, withdrawn")
    @ApiResponse(responseCode = "403", description = "You see the enrollment as a validator but do not own the agent")
    @ApiResponse(responseCode = "409", description = "Under examination, or over already")
    EnrollmentView withdraw(ProfileId caller, @PathVariable UUID id) {
        return training.withdraw(caller, id);
    }

    /** Examinations waiting for a validator's grade, oldest first. */
    @GetMapping("/examinations/pending")
    @Operation(summary = "Examinations waiting for a grade", description = "Oldest first; for validators.")
    List<EnrollmentView> awaitingExamination(@RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
        return examining.awaitingExamination(limit);
    }

    @PostMapping("/enrollments/{id}/grades")
    @Operation(summary = "Grade an examination (examiner)", description = """
            A validator grades the examination (score 0-100, notes): from the curriculum's examination pass mark \
            the agent graduates (active, +100 trust); below it, it trains again, and the third failure ends the \
            enrollment (the agent is a draft again). Checked again in the database by academy_grade_examination().""")
    @ApiResponse(responseCode = "200", description = "The enrollment after the grade")
    @ApiResponse(responseCode = "403", description = "Not a validator, or an examination of your own agent")
    @ApiResponse(responseCode = "409", description = "The enrollment is not waiting for a grade")
    EnrollmentView grade(ProfileId caller, @PathVariable UUID id, @Valid @RequestBody NewGrade body) {
        return examining.grade(caller, id, new Examination(body.score(), body.notes()));
    }

    record NewEnrollment(@NotNull UUID agentId, CurriculumType curriculumType) {
    }

    record NewGrade(@NotNull @Min(0) @Max(100) Integer score, @Size(max = 2_000) String notes) {
    }

    record NewResult(@NotNull @Min(0) @Max(100) Integer score, @Size(max = 2_000) String notes) {
    }
}
