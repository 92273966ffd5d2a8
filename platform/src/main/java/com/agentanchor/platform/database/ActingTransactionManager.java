package com.agentanchor.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Every transaction starts by telling PostgreSQL who acts, transaction-locally: a pooled connection never carries
 * one caller's identity into the next transaction. With nobody acting there is nothing to tell: the settings are
 * only ever set transaction-locally, so a transaction that sets none sees them empty and every policy fails closed;
 * the round trip is saved for the event registry's bookkeeping, the scheduled jobs and anonymous reads. Each module
 * that knows a kind of caller contributes a {@link TransactionActor}.
 */
class ActingTransactionManager extends JdbcTransactionManager {

    private final Supplier<List<TransactionActor>> actors;

    ActingTransactionManager(DataSource dataSource, Supplier<List<TransactionActor>> actors) {
        super(dataSource);
        this.actors = actors;
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        String user = "";
        String agent = "";
        boolean admin = false;
        for (var actor : actors.get()) {
            user = user.isEmpty() ? actor.currentUserId().orElse("") : user;
            agent = agent.isEmpty() ? actor.currentAgentId().orElse("") : agent;
            admin |= actor.currentUserIsAdmin();
        }
        if (user.isEmpty() && agent.isEmpty() && !admin) {
            return;
        }
        try (var statement = con.prepareStatement("SELECT set_config('app.current_user_id', ?, true), "
                + "set_config('app.current_user_is_admin', ?, true), "
                + "set_config('app.current_agent_id', ?, true)")) {
            statement.setString(1, user);
            statement.setString(2, admin ? "true" : "");
            statement.setString(3, agent);
            statement.execute();
        }
    }
}
