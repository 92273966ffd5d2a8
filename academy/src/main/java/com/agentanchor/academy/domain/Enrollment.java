package com.agentanchor.academy.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

/**
 * An agent's enrollment in a curriculum. Its modules are passed in order, each graded by an examiner against the
 * module's pass mark ({@link #recordModuleResult}); once every module is passed the owner may put the agent up for
 * examination ({@link #requestExamination}); an examiner grades that ({@link #grade}): passed, another attempt, or
 * failed for good. While it trains the owner may {@link #withdraw} it. Each method returns the enrollment as it will
 * be, changing nothing in place; the definer functions of {@code academy/functions/} apply the same rules in the
 * database ({@code academy_record_module_result}, {@code academy_request_examination},
 * {@code academy_grade_examination}, {@code academy_withdraw}), and {@code EnrollmentParityTests} holds each pair
 * to the same outcomes.
 *
 * @param currentModule the module to pass next; {@code null} once every module is passed
 * @param moduleScores each graded module's latest score
 * @param overallScore the mean of {@code moduleScores}, to two decimals; {@code null} before the first grade
 */
@AggregateRoot
public record Enrollment(@Identity UUID id, UUID agentId, CurriculumType curriculumType, EnrollmentStatus status,
        Integer currentModule, List<Integer> completedModules, Map<Integer, Integer> moduleScores,
        BigDecimal overallScore, List<ModuleResult> moduleResults, int examinationAttempts,
        BigDecimal lastExaminationScore, List<ExaminationAttempt> examinationHistory, Instant enrolledAt,
        Instant startedAt, Instant completedAt, Instant graduatedAt) {

    public Enrollment {
        completedModules = List.copyOf(new TreeSet<>(completedModules));
        moduleScores = Collections.unmodifiableMap(new TreeMap<>(moduleScores));
        moduleResults = List.copyOf(moduleResults);
        examinationHistory = List.copyOf(examinationHistory);
    }

    /** A new enrollment as the database creates it: at the first module, nothing graded yet. */
    public static Enrollment begin(UUID id, UUID agentId, CurriculumType curriculum, Instant at) {
        return new Enrollment(id, agentId, curriculum, EnrollmentStatus.enrolled, 1, List.of(), Map.of(), null,
                List.of(), 0, null, List.of(), at, at, null, null);
    }

    public Curriculum curriculum() {
        return curriculumType.curriculum();
    }

    public boolean awaitingGrade() {
        return status == EnrollmentStatus.examination;
    }

    /** The modules not passed yet, in order. */
    public List<Integer> modulesToPass() {
        return IntStream.rangeClosed(1, curriculum().totalModules()).filter(m -> !completedModules.contains(m))
                .boxed().toList();
    }

    public boolean everyModulePassed() {
        return modulesToPass().isEmpty();
    }

    /**
     * This enrollment after an examiner graded {@code module} with {@code score}: the score is kept (the latest per
     * module), the module is passed from its pass mark, and the next module not passed becomes current.
     *
     * @throws IllegalArgumentException when the curriculum has no such module
     * @throws IllegalStateException when the enrollment is not training, or {@code module} is not the current one
     */
    public Enrollment recordModuleResult(int module, int score, String notes, UUID examiner, Instant at) {
        var taught = curriculum().module(module).orElseThrow(
                () -> new IllegalArgumentException(curriculumType + " has no module " + module));
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("a score is 0 to 100");
        }
        if (!status.training()) {
            throw new IllegalStateException("enrollment " + id + " is " + status
                    + "; modules are graded while it trains");
        }
        if (currentModule == null) {
            throw new IllegalStateException("every module of enrollment " + id + " is passed already");
        }
        if (module != currentModule) {
            throw new IllegalStateException("module " + currentModule + " is next: modules are passed in order");
        }
        var passed = taught.passedWith(score);
        var completed = new ArrayList<>(completedModules);
        if (passed) {
            completed.add(module);
        }
        var scores = new TreeMap<>(moduleScores);
        scores.put(module, score);
        var results = new ArrayList<>(moduleResults);
        results.add(new ModuleResult(module, score, passed, examiner, notes, at));
        var next = IntStream.rangeClosed(1, curriculum().totalModules()).filter(m -> !completed.contains(m))
                .boxed().findFirst().orElse(null);
        return new Enrollment(id, agentId, curriculumType, EnrollmentStatus.in_progress, next, completed, scores,
                mean(scores.values()), results, examinationAttempts, lastExaminationScore, examinationHistory,
                enrolledAt, startedAt, completedAt, graduatedAt);
    }

    /**
     * This enrollment under examination.
     *
     * @throws IllegalStateException when it is not training, or a module is not passed yet
     */
    public Enrollment requestExamination() {
        if (!status.mayRequestExamination()) {
            throw new IllegalStateException("enrollment " + id + " is " + status + ", not in training");
        }
        var missing = modulesToPass();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the examination opens once every module is passed; module"
                    + (missing.size() == 1 ? " " : "s ")
                    + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " to go");
        }
        return withStatus(EnrollmentStatus.examination, completedAt);
    }

    /**
     * This enrollment after {@code examination}, its next attempt, against the curriculum's examination pass mark.
     *
     * @throws IllegalStateException when it is not under examination
     */
    public Enrollment grade(Examination examination, UUID examiner, Instant at) {
        if (!awaitingGrade()) {
            throw new IllegalStateException("enrollment " + id + " is " + status + ", not waiting for a grade");
        }
        var attempt = examinationAttempts + 1;
        var passMark = curriculum().examinationPassMark();
        var after = examination.enrollmentStatusAfter(attempt, passMark);
        var score = BigDecimal.valueOf(examination.score());
        var history = new ArrayList<>(examinationHistory);
        history.add(new ExaminationAttempt(attempt, score, examination.passes(passMark), at, examiner,
                examination.notes()));
        return new Enrollment(id, agentId, curriculumType, after, currentModule, completedModules, moduleScores,
                overallScore, moduleResults, attempt, score, history, enrolledAt, startedAt,
                after == EnrollmentStatus.in_progress ? null : at, after == EnrollmentStatus.passed ? at : null);
    }

    /**
     * This enrollment withdrawn by its owner; the agent stays in training and may enroll again.
     *
     * @throws IllegalStateException unless it is training (not under examination, and not over)
     */
    public Enrollment withdraw(Instant at) {
        if (!status.training()) {
            throw new IllegalStateException("enrollment " + id + " is " + status + "; only one in training withdraws");
        }
        return withStatus(EnrollmentStatus.withdrawn, at);
    }

    private Enrollment withStatus(EnrollmentStatus to, Instant completed) {
        return new Enrollment(id, agentId, curriculumType, to, currentModule, completedModules, moduleScores,
                overallScore, moduleResults, examinationAttempts, lastExaminationScore, examinationHistory,
                enrolledAt, startedAt, completed, graduatedAt);
    }

    private static BigDecimal mean(java.util.Collection<Integer> scores) {
        if (scores.isEmpty()) {
            return null;
        }
        var sum = scores.stream().mapToLong(Integer::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
    }
}
