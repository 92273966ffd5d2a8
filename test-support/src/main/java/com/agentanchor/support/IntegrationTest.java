package com.agentanchor.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The modules on the classpath ({@link ModulesOnTheClasspath}: in {@code app} the whole app) on a random port against
 * the real database (embedded by default, or DATABASE_URL). Every class carrying it in one module shares one Spring
 * context and one PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ModulesOnTheClasspath.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "agentanchor.realtime.local-ws-port=0", IntegrationTest.NO_CHECKPOINT_SCHEDULE,
                IntegrationTest.NO_WEBHOOK_SCHEDULE, IntegrationTest.PATIENT_POOL })
@Import({ OwnerDatabase.class, AppRoleDatabase.class, PublishedEvents.class })
public @interface IntegrationTest {

    /**
     * Tests read {@code /head} when they want a checkpoint: a schedule signing one in the background would race
     * with tests that tamper with the chain. {@code CheckpointScheduleTests} turns it on for itself.
     */
    String NO_CHECKPOINT_SCHEDULE = "agentanchor.truthchain.checkpoint-interval=0s";

    /**
     * Tests send due webhooks themselves ({@code WebhookDispatch.deliverDue()}): a schedule claiming them in the
     * background would take a delivery from under the test that waits for it.
     */
    String NO_WEBHOOK_SCHEDULE = "agentanchor.webhooks.delivery-interval=0s";

    /**
     * A deployment answers 503 after 3 s without a pooled connection; tests that run many requests at once on a
     * loaded two-core machine wait longer rather than fail. {@code DatabaseOutageTests} checks the fast answer.
     */
    String PATIENT_POOL = "agentanchor.db.connection-timeout=15s";
}
