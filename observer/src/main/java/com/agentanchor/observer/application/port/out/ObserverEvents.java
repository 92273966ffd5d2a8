package com.agentanchor.observer.application.port.out;

import com.agentanchor.observer.application.port.in.RecordedObservation;
import com.agentanchor.observer.domain.Observation;

/** The append-only store of observations. */
public interface ObserverEvents {

    RecordedObservation append(Observation observation);
}
