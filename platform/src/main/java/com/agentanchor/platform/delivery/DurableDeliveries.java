package com.agentanchor.platform.delivery;

/**
 * Implemented by a bean whose after-commit listeners may not need their deliveries kept. A delivery is durable by
 * default: the event publication registry keeps a row for it from the event's commit until its listener returns, and
 * retries it after a failure or a crash. When {@link #durable()} answers false, the listeners of that bean still run
 * after the commit, asynchronously, once, and nothing is written for them: a delivery that fails is logged, not
 * retried. Worth it only where a retry could not reach anyone the first attempt would have.
 */
public interface DurableDeliveries {

    /** Asked once, when the registry first writes; the answer holds for the life of the application. */
    boolean durable();
}
