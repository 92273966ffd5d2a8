package com.agentanchor.observer.application.port.out;

import java.util.Optional;

import com.agentanchor.observer.application.port.in.RecordedObservation;
import com.agentanchor.observer.domain.Observation;

/** The append-only store of observations. */
public interface ObserverEvents {

    /** Empty when an observation of the same source event is already stored. */
    Optional<RecordedObservation> append(Observation observation);
}
