package com.agentanchor.observer.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.observer.domain.Observation;

/** Appends to the observer's log. */
@PrimaryPort
public interface ObservationLog {

    RecordedObservation record(Observation observation);
}
