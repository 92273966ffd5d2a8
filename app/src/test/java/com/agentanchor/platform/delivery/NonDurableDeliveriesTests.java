package com.agentanchor.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

import com.agentanchor.support.Eventually;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/** The advice of the test's own, around the app's repository, with two listener beans of the test's own. */
@IntegrationTest
class NonDurableDeliveriesTests {

    @Autowired
    EventPublicationRepository publications;

    @Autowired
    OwnerDatabase database;

    private EventPublicationRepository advised;

    @BeforeEach
    void advise() {
        var beans = new StaticListableBeanFactory(Map.of("lasting", new Lasting(), "passing", new Passing()));
        var advice = new NonDurableDeliveries(beans.getBeanProvider(DurableDeliveries.class));
        advised = (EventPublicationRepository) advice.postProcessAfterInitialization(publications, "test");
    }

    @AfterEach
    void deletePublications() {
        database.update("DELETE FROM event_publication WHERE listener_id LIKE ?",
                NonDurableDeliveriesTests.class.getName() + "%");
    }

    @Test
    void aDeliveryToANonDurableListenerIsNoRowAndItsCompletionWritesNothing() throws Exception {
        var passing = publish(Passing.class);
        var lasting = publish(Lasting.class);
        assertThat(rows(Passing.class)).isZero();
        assertThat(rows(Lasting.class)).isOne();

        var at = Instant.now();
        advised.markCompleted(passing, at);
        assertThat(passing.isPublicationCompleted()).isTrue();
        advised.markCompleted(lasting, at);
        Eventually.await(() -> rows(Lasting.class) == 0); // the app's grouped completions delete it
    }

    /** So that a completion it answers never reaches the grouped completions, which would queue deleting nothing. */
    @Test
    void itIsTheOutermostAdviceOnTheAppsRepository() {
        assertThat(((Advised) publications).getAdvisors()).extracting(Advisor::getAdvice)
                .singleElement().isInstanceOf(NonDurableDeliveries.class);
    }

    private TargetEventPublication publish(Class<?> listener) {
        var publication = TargetEventPublication.of("an event",
                PublicationTargetIdentifier.of(listener.getName() + ".on(java.lang.String)"), Instant.now());
        return advised.create(publication);
    }

    private long rows(Class<?> listener) {
        return database.query("SELECT count(*) FROM event_publication WHERE listener_id = ?", Long.class,
                listener.getName() + ".on(java.lang.String)");
    }

    /** Durable by default: a bean that does not implement the interface is kept as this one is. */
    static class Lasting implements DurableDeliveries {

        @Override
        public boolean durable() {
            return true;
        }
    }

    static class Passing implements DurableDeliveries {

        @Override
        public boolean durable() {
            return false;
        }
    }
}
