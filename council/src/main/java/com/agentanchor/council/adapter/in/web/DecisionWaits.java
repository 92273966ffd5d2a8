package com.agentanchor.council.adapter.in.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.async.DeferredResult;

import com.agentanchor.agents.application.port.in.ActingAgent;
import com.agentanchor.agents.application.port.in.CallingAgent;
import com.agentanchor.council.application.port.in.AuthorizationAnswer;
import com.agentanchor.council.application.port.in.RuntimeAuthorization;
import com.agentanchor.council.events.DecisionMade;

/**
 * Agents waiting for the council without holding a request thread each: a wait is a {@link DeferredResult},
 * answered the moment this instance commits the decision, by a sweep every second for decisions another instance
 * made, or with the decision still pending when the wait is over.
 */
@Component
class DecisionWaits {

    private final RuntimeAuthorization authorization;
    private final Map<UUID, List<Waiter>> waiting = new ConcurrentHashMap<>();

    DecisionWaits(RuntimeAuthorization authorization) {
        this.authorization = authorization;
    }

    DeferredResult<AuthorizationAnswer> await(CallingAgent agent, UUID decisionId, Duration wait) {
        var now = authorization.decision(agent, decisionId); // 404 unless it is the agent's own
        var result = new DeferredResult<AuthorizationAnswer>(wait.toMillis());
        if (wait.isZero() || !undecided(now)) {
            result.setResult(now);
            return result;
        }
        var waiter = new Waiter(agent, result);
        waiting.computeIfAbsent(decisionId, id -> new CopyOnWriteArrayList<>()).add(waiter);
        result.onTimeout(() -> answer(decisionId, waiter, true));
        result.onCompletion(() -> forget(decisionId, waiter));
        answer(decisionId, waiter, false); // decided between the first look and the registration
        return result;
    }

    @TransactionalEventListener
    void on(DecisionMade made) {
        waiting.getOrDefault(made.decisionId(), List.of()).forEach(w -> answer(made.decisionId(), w, false));
    }

    @Scheduled(fixedDelay = 1_000)
    void sweep() {
        waiting.forEach((id, waiters) -> waiters.forEach(w -> answer(id, w, false)));
    }

    /** Answers {@code waiter} if the decision is made (or {@code anyway}), looking as its agent. */
    private void answer(UUID decisionId, Waiter waiter, boolean anyway) {
        if (waiter.result().isSetOrExpired() && !anyway) {
            return;
        }
        try (var acting = ActingAgent.enter(waiter.agent().id())) {
            var now = authorization.decision(waiter.agent(), decisionId);
            if (anyway || !undecided(now)) {
                waiter.result().setResult(now);
            }
        } catch (RuntimeException e) {
            waiter.result().setErrorResult(e);
        }
    }

    private void forget(UUID decisionId, Waiter waiter) {
        waiting.computeIfPresent(decisionId, (id, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }

    private static boolean undecided(AuthorizationAnswer answer) {
        return "require_approval".equals(answer.decision());
    }

    private record Waiter(CallingAgent agent, DeferredResult<AuthorizationAnswer> result) {
    }
}
