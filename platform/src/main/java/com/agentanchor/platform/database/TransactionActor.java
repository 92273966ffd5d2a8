package com.agentanchor.platform.database;

import java.util.Optional;

/**
 * Who the current thread acts for, as row-level security must see it: the transaction manager hands
 * {@link #currentUserId()} to PostgreSQL as {@code app.current_user_id} (and {@link #currentUserIsAdmin()} as
 * {@code app.current_user_is_admin}) at the start of every transaction. The
 * profiles module knows who acts; the platform only carries it. With no actor known, the database sees an anonymous
 * caller and every policy fails closed.
 */
@FunctionalInterface
public interface TransactionActor {

    TransactionActor NOBODY = Optional::empty;

    Optional<String> currentUserId();

    /** Whether the acting user is a platform admin ({@code app.current_user_is_admin}); definer functions ask. */
    default boolean currentUserIsAdmin() {
        return false;
    }
}
