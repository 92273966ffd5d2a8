package com.agentanchor.observer.application.port.in;

import java.util.List;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.agents.application.port.in.CallingAgent;

/**
 * Agents report what they did, as themselves. A batch is all or nothing: one report that breaks a rule refuses the
 * whole batch, naming its index and field, and nothing is written. A report whose idempotency key the agent used
 * before is not written again.
 */
@PrimaryPort
public interface EventReporting {

    /** The most reports one batch may carry. */
    int MAX_BATCH = 1_000;

    ReportReceipt report(CallingAgent agent, ReportedEvent event);

    ReportReceipt reportBatch(CallingAgent agent, List<ReportedEvent> events);

    /**
     * Each report on its own merits, as OTLP asks of a server: those that break a rule are left out and counted
     * ({@code rejected}, with the first reason), the rest are written together.
     */
    PartialReceipt reportEach(CallingAgent agent, List<ReportedEvent> events);
}
