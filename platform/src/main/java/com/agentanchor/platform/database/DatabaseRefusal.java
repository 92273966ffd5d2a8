package com.agentanchor.platform.database;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataAccessException;

/**
 * A trigger's or definer function's refusal: its SQL state says which kind it is (42501 not allowed, 23514 not in
 * a state for it, ...), its message, written for people, says why; here without the server's decorations. Each
 * adapter maps the states its functions raise to its module's {@link com.agentanchor.platform.refusal.Refusal}s.
 */
public record DatabaseRefusal(String state, String why) {

    /**
     * Whether {@code e} is a row-level security policy's refusal of a row written (its WITH CHECK): SQL state 42501,
     * which a missing grant shares, but with the policy's message.
     */
    public static boolean byRowSecurity(DataAccessException e) {
        return of(e, "42501").filter(refused -> refused.why().contains("row-level security")).isPresent();
    }

    /** The refusal behind {@code e}, when the database refused with one of {@code states}. */
    public static Optional<DatabaseRefusal> of(DataAccessException e, String... states) {
        if (e.getMostSpecificCause() instanceof SQLException refused && refused.getSQLState() != null
                && List.of(states).contains(refused.getSQLState())) {
            var message = refused.getMessage().replaceFirst("^ERROR: ", "")
                    .replaceAll("(?s)\\s*(Where|Detail|Hint|Position):.*", "");
            return Optional.of(new DatabaseRefusal(refused.getSQLState(),
                    Character.toUpperCase(message.charAt(0)) + message.substring(1)));
        }
        return Optional.empty();
    }
}
