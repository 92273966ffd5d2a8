package com.agentanchor.observer.adapter.in.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ProblemDetail;

import com.agentanchor.agents.application.port.in.CallingAgent;
import com.agentanchor.observer.application.port.in.EventReporting;
import com.agentanchor.observer.application.port.in.InvalidReport;
import com.agentanchor.observer.application.port.in.ReportReceipt;
import com.agentanchor.observer.application.port.in.ReportedEvent;

import io.swagger.v3.oas.annotations.Operation;

/** Agents, with their own keys (Authorization: Bearer aak_…), report what they did. */
@RestController
@RequestMapping("/api/runtime/events")
class AgentReportController {

    private final EventReporting reporting;

    AgentReportController(EventReporting reporting) {
        this.reporting = reporting;
    }

    @PostMapping
    @Operation(summary = "Report one thing the agent did (agents only)",
            description = "201 when written; 200 with duplicates 1 when its idempotencyKey was used before.")
    ResponseEntity<ReportReceipt> report(CallingAgent agent, @RequestBody ReportedEvent event) {
        var receipt = reporting.report(agent, event);
        return ResponseEntity.status(receipt.accepted() == 1 ? HttpStatus.CREATED : HttpStatus.OK).body(receipt);
    }

    @PostMapping("/batch")
    @Operation(summary = "Report up to 1,000 things at once, all or nothing (agents only)",
            description = "413 beyond 1,000 events; 400 naming the index and field of the first bad event, and "
                    + "then nothing is written. Events whose idempotencyKey was used before are counted as "
                    + "duplicates and not written again.")
    ReportReceipt reportBatch(CallingAgent agent, @RequestBody Batch batch) {
        if (batch.events() == null) {
            throw new InvalidReport("events", "must be an array of events");
        }
        if (batch.events().size() > EventReporting.MAX_BATCH) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "A batch carries at most "
                    + EventReporting.MAX_BATCH + " events, not " + batch.events().size() + ": split it");
            problem.setTitle("Batch too large");
            throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
        }
        return reporting.reportBatch(agent, batch.events());
    }

    record Batch(List<ReportedEvent> events) {
    }
}
