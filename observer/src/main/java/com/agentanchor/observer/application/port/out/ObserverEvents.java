package com.agentanchor.observer.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.observer.application.port.in.FeedEvent;
import com.agentanchor.observer.application.port.in.RecordedObservation;
import com.agentanchor.observer.domain.AgentReport;
import com.agentanchor.observer.domain.EventCategory;
import com.agentanchor.observer.domain.EventSeverity;
import com.agentanchor.observer.domain.FeedCursor;
import com.agentanchor.observer.domain.Observation;

/** The append-only store of observations. */
public interface ObserverEvents {

    /** Empty when an observation of the same source event is already stored. */
    Optional<RecordedObservation> append(Observation observation);

    /**
     * Appends an agent's reports in one statement, in their order; those whose idempotency key the agent used
     * before are left out of the result (and not written).
     */
    List<StoredReport> appendReports(UUID agentId, List<AgentReport> reports);

    /**
     * Up to {@code limit} events matching {@code filter}: after {@code after} oldest first, or (when it is null) the
     * newest, newest first; only events of transactions older than every running one, so a cursor never passes an
     * event still to come. {@link FeedSlice#horizon()} is where a reader stands once it has seen them all.
     */
    FeedSlice read(FeedFilter filter, FeedCursor after, int limit);

    /**
     * Until the transaction ends, other transactions that serialize on the same agent wait: counting an agent's
     * recent events and writing the next one become one step.
     */
    void serialize(UUID agentId);

    /** How many error and critical events the agent reported since {@code since}. */
    int errorsSince(UUID agentId, Instant since);

    /** How many times the agent was refused since {@code since}, by the log of its authorization checks. */
    int denialsSince(UUID agentId, Instant since);

    /** A report as written. */
    record StoredReport(UUID id, long sequence, Instant createdAt, String eventType, EventSeverity severity,
            String title, String description, AgentReport.Outcome outcome, String idempotencyKey, int anomalyScore) {
    }

    record FeedFilter(UUID agentId, EventCategory category, EventSeverity severity, Boolean flagged) {
    }

    record FeedItem(FeedCursor cursor, FeedEvent event) {
    }

    record FeedSlice(List<FeedItem> items, FeedCursor horizon) {
    }
}
