package com.agentanchor.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.agentanchor.support.IntegrationTest;

/**
 * A transaction with nobody acting says nothing to PostgreSQL about who acts (a round trip saved), so it must find
 * nothing left there by the transaction before it on the same connection: the actor's settings are
 * transaction-local. One connection of the app role, so the second transaction surely runs where the first did.
 */
@IntegrationTest
class TransactionActorTests {

    @Autowired
    Environment env;

    @Test
    void aTransactionWithNobodyActingFindsNothingOfThePreviousActorOnItsConnection() throws Exception {
        try (var connection = DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
                env.getRequiredProperty("spring.datasource.username"),
                env.getRequiredProperty("spring.datasource.password"))) {
            var single = new SingleConnectionDataSource(connection, true);
            var acting = new AtomicReference<TransactionActor>();
            var transactions = new TransactionTemplate(new ActingTransactionManager(single, () -> List.of(acting.get())));
            var jdbc = JdbcClient.create(single);
            var user = UUID.randomUUID().toString();
            var agent = UUID.randomUUID().toString();

            acting.set(new Someone(user, agent));
            List<String> whileSomeoneActs = transactions.execute(status -> settings(jdbc));
            assertThat(whileSomeoneActs).containsExactly(user, "true", agent);

            acting.set(Optional::empty);
            List<String> withNobodyActing = transactions.execute(status -> settings(jdbc));
            assertThat(withNobodyActing).containsExactly("", "", "");
        }
    }

    private static List<String> settings(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT coalesce(current_setting('app.current_user_id', true), '') AS user_id,
                       coalesce(current_setting('app.current_user_is_admin', true), '') AS admin,
                       coalesce(current_setting('app.current_agent_id', true), '') AS agent_id""")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    }

    private record Someone(String user, String agent) implements TransactionActor {

        @Override
        public Optional<String> currentUserId() {
            return Optional.of(user);
        }

        @Override
        public boolean currentUserIsAdmin() {
            return true;
        }

        @Override
        public Optional<String> currentAgentId() {
            return Optional.of(agent);
        }
    }
}
