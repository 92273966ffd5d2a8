package com.agentanchor.agents.application.port.in;

import java.util.Optional;

/**
 * The agent the current thread acts for, when an agent calls with one of its own keys. Like the profiles module's
 * ActingProfile for users: the platform's transaction manager hands it to PostgreSQL ({@code app.current_agent_id})
 * as the first statement of every transaction, where policies read it through {@code current_agent_id()}.
 */
public final class ActingAgent {

    private static final ThreadLocal<AgentId> CURRENT = new ThreadLocal<>();

    private ActingAgent() {
    }

    public static Optional<AgentId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Acts for {@code agent} until the returned scope closes; transactions begun inside carry it. */
    public static Scope enter(AgentId agent) {
        var previous = CURRENT.get();
        CURRENT.set(agent);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Closing restores whoever was acting before. */
    public interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}
