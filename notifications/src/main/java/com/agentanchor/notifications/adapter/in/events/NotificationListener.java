package com.agentanchor.notifications.adapter.in.events;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.agentanchor.agents.events.AgentRegistered;
import com.agentanchor.agents.events.AgentStatusChanged;
import com.agentanchor.council.events.DecisionMade;
import com.agentanchor.marketplace.events.AgentAcquired;
import com.agentanchor.notifications.application.port.in.NewNotification;
import com.agentanchor.notifications.application.port.in.Notifying;
import com.agentanchor.notifications.domain.NotificationType;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * The events a user hears about, each told to the person it concerns (the agent's owner, the listing's seller), in
 * words close to those of realtime's live {@code notification} pushes, which stay as they were. Like
 * {@code @ApplicationModuleListener} (after commit, asynchronous, recorded in the event publication registry and
 * retried until it completes), but without its surrounding transaction: the use case's transaction must begin after
 * the recipient is entered, because a notification is written as its recipient (row-level security: one writes only
 * into one's own inbox), whoever caused it. A registration is the exception: its owner acts in its transaction
 * already.
 */
@Component
class NotificationListener {

    private final Notifying notifying;

    NotificationListener(Notifying notifying) {
        this.notifying = notifying;
    }

    /**
     * Written in the registration's own transaction: its owner, the recipient, acts in it already (two commits fewer
     * per registration, and no agent without its owner's notification).
     */
    @EventListener
    void on(AgentRegistered e) {
        notifying.notify(new NewNotification(e.eventId(), new ProfileId(e.ownerId()), "agent.registered",
                NotificationType.success, "Agent registered",
                e.name() + " is registered as a " + e.status() + " with trust score " + e.trustScore(),
                "/agents/" + e.agentId(), e.occurredAt()));
    }

    @Async
    @TransactionalEventListener
    void on(DecisionMade e) {
        tell(e.ownerId(), new NewNotification(e.eventId(), new ProfileId(e.ownerId()), "council.decision_made",
                "approved".equals(e.status()) ? NotificationType.success : NotificationType.warning,
                "Council " + e.status() + ": " + e.agentName(),
                e.subjectAction() + (e.reasoning() == null ? "" : ": " + e.reasoning()),
                "/council/decisions/" + e.decisionId(), e.occurredAt()));
    }

    @Async
    @TransactionalEventListener
    void on(AgentStatusChanged e) {
        tell(e.ownerId(), new NewNotification(e.eventId(), new ProfileId(e.ownerId()), "agent.status_changed",
                "suspended".equals(e.newStatus()) ? NotificationType.error : NotificationType.info,
                e.agentName() + " is " + e.newStatus(), e.reason(), "/agents/" + e.agentId(), e.occurredAt()));
    }

    @Async
    @TransactionalEventListener
    void on(AgentAcquired e) {
        var terms = e.commissionRate() == null ? e.acquisitionType()
                : e.acquisitionType() + " at rate " + e.commissionRate().toPlainString();
        tell(e.sellerId(), new NewNotification(e.eventId(), new ProfileId(e.sellerId()), "marketplace.agent_acquired",
                NotificationType.success, "Agent acquired", e.agentName() + " was acquired under " + terms,
                "/marketplace/listings/" + e.listingId(), e.occurredAt()));
    }

    private void tell(UUID recipient, NewNotification notification) {
        try (var acting = ActingProfile.enter(new ProfileId(recipient))) {
            notifying.notify(notification);
        }
    }
}
