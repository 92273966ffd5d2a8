package com.agentanchor.platform.delivery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.stereotype.Component;

/**
 * A publication's first delivery goes from published to completed (or failed) without being marked "processing" in
 * between. Modulith 2.0 marks it so as its listener starts, in a transaction of its own: an UPDATE and a durable
 * commit for each listener of each event, a third of the event registry's writes and half of its transactions (a
 * registration makes five publications). The retry resubmits what is incomplete after its interval whether it is
 * published or processing, so a first delivery cut off mid-way is delivered again as before. A retried delivery is
 * still marked: the retry claims a publication by marking it "resubmitted", which it does not claim twice, and only
 * the "processing" mark lets the next retry take one that was cut off mid-way (application.yaml,
 * {@code spring.modulith.events.staleness}).
 */
@Component
class UnmarkedProcessing extends RegistryRepositoryAdvice {

    /**
     * The publications this instance claimed for a retry, until their listener starts (a claim and its delivery run
     * in the same instance); only those are marked.
     */
    private final Set<Object> retried = ConcurrentHashMap.newKeySet();

    @Override
    public Object invoke(MethodInvocation call) throws Throwable {
        return switch (call.getMethod().getName()) {
            case "markResubmitted" -> {
                var claimed = call.proceed();
                if (Boolean.TRUE.equals(claimed)) {
                    retried.add(call.getArguments()[0]);
                }
                yield claimed;
            }
            case "markProcessing" -> retried.remove(call.getArguments()[0]) ? call.proceed() : null;
            default -> call.proceed();
        };
    }
}
