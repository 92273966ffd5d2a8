package com.agentanchor.marketplace.adapter.out.jdbc;

import java.sql.SQLException;
import java.util.Optional;

import org.springframework.dao.DataAccessException;

/**
 * What a trigger or definer function said when it refused, if it refused with one of {@code states}: their
 * messages are written for people (they say why), so a refusal carries them on without the server's decorations.
 */
final class SqlRefusal {

    private SqlRefusal() {
    }

    static Optional<String> of(DataAccessException e, String... states) {
        if (e.getMostSpecificCause() instanceof SQLException refused && refused.getSQLState() != null) {
            for (var state : states) {
                if (state.equals(refused.getSQLState())) {
                    var message = refused.getMessage().replaceFirst("^ERROR: ", "")
                            .replaceAll("(?s)\\s*(Where|Detail|Hint|Position):.*", "");
                    return Optional.of(Character.toUpperCase(message.charAt(0)) + message.substring(1));
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> state(DataAccessException e) {
        return e.getMostSpecificCause() instanceof SQLException refused ? Optional.ofNullable(refused.getSQLState())
                : Optional.empty();
    }
}
