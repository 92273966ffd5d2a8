package com.agentanchor.observer.application.service;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.observer.application.port.in.ObservationLog;
import com.agentanchor.observer.application.port.in.RecordedObservation;
import com.agentanchor.observer.application.port.out.ObserverEvents;
import com.agentanchor.observer.domain.AnomalyRules;
import com.agentanchor.observer.domain.Observation;
import com.agentanchor.observer.events.ObservationRecorded;

@Service
class ObserverService implements ObservationLog {

    private final ObserverEvents log;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObserverService(ObserverEvents log, ApplicationEventPublisher events, Clock clock) {
        this.log = log;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<RecordedObservation> recordDenial(Observation denial) {
        log.serialize(denial.subjectId());
        var denials = log.denialsSince(denial.subjectId(), clock.instant().minus(AnomalyRules.DENIAL_WINDOW)) + 1;
        var score = AnomalyRules.denialRun(denials);
        return record(score.isPresent() ? denial.withAnomalyScore(score.getAsInt()) : denial);
    }

    @Override
    @Transactional
    public Optional<RecordedObservation> record(Observation o) {
        var recorded = log.append(o);
        recorded.ifPresent(r -> events.publishEvent(new ObservationRecorded(r.id(), r.sequence(), o.eventType(),
                o.category().name(), o.severity().name(), o.subjectType(), o.subjectId(), o.title(), o.description(),
                r.createdAt(), o.subjectOwnerId(), o.belongsOnPublicFeed(), o.subjectName(), o.anomalyScore())));
        return recorded;
    }
}
