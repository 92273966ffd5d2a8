package com.agentanchor.platform.database;

import java.util.Optional;

/**
 * Who the current thread acts for, as row-level security must see it: the transaction manager hands
 * {@link #currentUserId()} to PostgreSQL as {@code app.current_user_id}, {@link #currentUserIsAdmin()} as
 * {@code app.current_user_is_admin} and {@link #currentAgentId()} as {@code app.current_agent_id} at the start of
 * every transaction. The modules that know who acts (profiles for users, agents for agents with their own keys)
 * each declare one; the platform only carries what they say. With no actor known, the database sees an anonymous
 * caller and every policy fails closed.
 */
@FunctionalInterface
public interface TransactionActor {

    Optional<String> currentUserId();

    /** Whether the acting user is a platform admin ({@code app.current_user_is_admin}); definer functions ask. */
    default boolean currentUserIsAdmin() {
        return false;
    }

    /** The agent acting as itself with one of its keys ({@code app.current_agent_id}). */
    default Optional<String> currentAgentId() {
        return Optional.empty();
    }
}
