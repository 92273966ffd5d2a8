package com.agentanchor.observer.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.agentanchor.agents.application.port.in.AgentBehavior;
import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.agents.application.port.in.CallingAgent;
import com.agentanchor.observer.application.port.in.EventReporting;
import com.agentanchor.observer.application.port.in.InvalidReport;
import com.agentanchor.observer.application.port.in.PartialReceipt;
import com.agentanchor.observer.application.port.in.ReportReceipt;
import com.agentanchor.observer.application.port.in.ReportedEvent;
import com.agentanchor.observer.application.port.out.ObserverEvents;
import com.agentanchor.observer.application.port.out.ObserverEvents.StoredReport;
import com.agentanchor.observer.domain.AgentReport;
import com.agentanchor.observer.domain.AnomalyRules;
import com.agentanchor.observer.events.AgentReported;

import tools.jackson.databind.json.JsonMapper;

@Service
class ReportingService implements EventReporting {

    private final ObserverEvents log;
    private final AgentCatalog agents;
    private final AgentBehavior behavior;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final ReportGroups groups = new ReportGroups();

    ReportingService(ObserverEvents log, AgentCatalog agents, AgentBehavior behavior,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.log = log;
        this.agents = agents;
        this.behavior = behavior;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ReportReceipt report(CallingAgent agent, ReportedEvent event) {
        var report = checked(event, "", clock.instant());
        return groups.write(agent.id(), report, together -> settled(agent, together).stored().stream()
                .map(StoredReport::idempotencyKey).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    @Override
    public ReportReceipt reportBatch(CallingAgent agent, List<ReportedEvent> batch) {
        var now = clock.instant();
        var reports = new ArrayList<AgentReport>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) == null) {
                throw new InvalidReport("events[" + i + "]", "must be an object");
            }
            reports.add(checked(batch.get(i), "events[" + i + "].", now));
        }
        return settled(agent, reports).receipt();
    }

    @Override
    public PartialReceipt reportEach(CallingAgent agent, List<ReportedEvent> events) {
        var now = clock.instant();
        var reports = new ArrayList<AgentReport>(events.size());
        String firstRejection = null;
        for (var event : events) {
            try {
                reports.add(checked(event, "", now));
            } catch (InvalidReport rejected) {
                if (firstRejection == null) {
                    firstRejection = rejected.fieldAndReason();
                }
            }
        }
        var written = reports.isEmpty() ? new ReportReceipt(0, 0) : settled(agent, reports).receipt();
        return new PartialReceipt(written.accepted(), written.duplicates(), events.size() - reports.size(),
                firstRejection);
    }

    /**
     * The reports in one transaction; once it has committed, their outcomes if the agent's row was busy then
     * (AgentBehavior). A report that settled in place leaves the rest to their own reporters: a further transaction
     * per report was some 40 % of the database's time on the single-event path (pg_stat_statements).
     */
    private Written settled(CallingAgent agent, List<AgentReport> reports) {
        var written = transactions.execute(status -> write(agent, reports));
        if (written.outcomesWaiting()) {
            behavior.settleOutcomes(agent);
        }
        return written;
    }

    private record Written(List<StoredReport> stored, int duplicates, boolean outcomesWaiting) {

        ReportReceipt receipt() {
            return new ReportReceipt(stored.size(), duplicates);
        }
    }

    private Written write(CallingAgent agent, List<AgentReport> checked) {
        var self = agents.self(agent);
        var reports = flagErrorBursts(self.id(), checked);
        var stored = log.appendReports(self.id(), reports);
        if (!stored.isEmpty()) {
            var newest = stored.subList(Math.max(0, stored.size() - AgentReported.NEWEST), stored.size()).stream()
                    .map(r -> entry(r, self.inPublicView())).toList();
            var publicCount = self.inPublicView() ? stored.stream().filter(r -> r.severity().isPublic()).count() : 0;
            var anomalies = stored.stream().filter(r -> r.anomalyScore() > 0).limit(AgentReported.NEWEST)
                    .map(r -> entry(r, self.inPublicView())).toList();
            events.publishEvent(new AgentReported(UUID.randomUUID(), self.id(), self.name(), self.ownerId(),
                    stored.size(), (int) publicCount, newest, anomalies, clock.instant()));
        }
        // Only what was written counts: a retried report does not count twice. Last, since settling here holds the
        // agent's row until commit.
        int successes = count(stored, AgentReport.Outcome.success);
        int failures = count(stored, AgentReport.Outcome.failure);
        var settled = behavior.recordOutcomes(agent, successes, failures);
        return new Written(stored, reports.size() - stored.size(), successes + failures > 0 && !settled);
    }

    /** Each error that makes or extends a burst is flagged as it is written ({@link AnomalyRules#errorBurst}). */
    private List<AgentReport> flagErrorBursts(UUID agentId, List<AgentReport> reports) {
        if (reports.stream().noneMatch(r -> AnomalyRules.isError(r.severity()))) {
            return reports;
        }
        log.serialize(agentId);
        var errors = log.errorsSince(agentId, clock.instant().minus(AnomalyRules.ERROR_WINDOW));
        var flagged = new ArrayList<AgentReport>(reports.size());
        for (var report : reports) {
            if (AnomalyRules.isError(report.severity())) {
                var score = AnomalyRules.errorBurst(++errors);
                flagged.add(score.isPresent() ? report.flagged(score.getAsInt()) : report);
            } else {
                flagged.add(report);
            }
        }
        return flagged;
    }

    private static int count(List<StoredReport> stored, AgentReport.Outcome outcome) {
        return (int) stored.stream().filter(r -> r.outcome() == outcome).count();
    }

    private AgentReport checked(ReportedEvent e, String prefix, Instant now) {
        try {
            return AgentReport.of(e.eventType(), e.severity(), e.title(), e.description(),
                    e.payload() == null ? null : json.writeValueAsString(e.payload()), e.outcome(),
                    occurredAt(e.occurredAt()), e.idempotencyKey(), now);
        } catch (AgentReport.Rejected rejected) {
            throw new InvalidReport(prefix + rejected.field(), rejected.getMessage());
        } catch (DateTimeParseException unreadable) {
            throw new InvalidReport(prefix + "occurredAt", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static Instant occurredAt(String value) {
        return value == null ? null : Instant.parse(value);
    }

    private static AgentReported.Entry entry(StoredReport r, boolean agentInPublicView) {
        var severity = r.severity();
        return new AgentReported.Entry(r.id(), r.sequence(), r.eventType(), severity.name(), r.title(),
                r.description(), r.outcome() == null ? null : r.outcome().name(), r.createdAt(),
                agentInPublicView && severity.isPublic(), r.anomalyScore());
    }
}
