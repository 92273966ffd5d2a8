package com.agentanchor.observer.application.port.in;

import java.util.Optional;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.observer.domain.Observation;

/** Appends to the observer's log. */
@PrimaryPort
public interface ObservationLog {

    /** Where it landed; empty when its source event was recorded before (a redelivery). */
    Optional<RecordedObservation> record(Observation observation);

    /**
     * Records the log entry of an agent's refused authorization, flagged when it makes or extends a denial run
     * ({@code AnomalyRules.denialRun}). One agent's refusals are counted one at a time, however they arrive.
     */
    Optional<RecordedObservation> recordDenial(Observation denial);
}
