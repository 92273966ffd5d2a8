package com.agentanchor.academy.domain;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.ddd.annotation.ValueObject;

/** One grading of a module by an examiner, pass or fail; an enrollment keeps them all. */
@ValueObject
public record ModuleResult(int module, int score, boolean passed, UUID examinerId, String notes, Instant date) {
}
