package com.agentanchor.observer.application.service;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.observer.application.port.in.ObservationLog;
import com.agentanchor.observer.application.port.in.RecordedObservation;
import com.agentanchor.observer.application.port.out.ObserverEvents;
import com.agentanchor.observer.domain.Observation;
import com.agentanchor.observer.events.ObservationRecorded;

@Service
class ObserverService implements ObservationLog {

    private final ObserverEvents log;
    private final ApplicationEventPublisher events;

    ObserverService(ObserverEvents log, ApplicationEventPublisher events) {
        this.log = log;
        this.events = events;
    }

    @Override
    @Transactional
    public RecordedObservation record(Observation o) {
        var recorded = log.append(o);
        events.publishEvent(new ObservationRecorded(recorded.id(), recorded.sequence(), o.eventType(),
                o.category().name(), o.severity().name(), o.subjectType(), o.subjectId(), o.title(), o.description(),
                recorded.createdAt(), o.subjectOwnerId(), o.belongsOnPublicFeed()));
        return recorded;
    }
}
