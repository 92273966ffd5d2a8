package com.agentanchor.academy.application.port.in;

import java.util.List;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** The curricula an agent may enroll in. */
@PrimaryPort
public interface CurriculumCatalogue {

    /** The five curricula, in the order of the database enum. */
    List<CurriculumView> curricula();
}
