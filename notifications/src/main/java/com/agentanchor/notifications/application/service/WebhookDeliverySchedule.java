package com.agentanchor.notifications.application.service;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.agentanchor.notifications.application.port.in.WebhookDispatch;

/**
 * Sends due webhooks every {@code AGENTANCHOR_WEBHOOKS_DELIVERY_INTERVAL} (5 s by default; 0 turns it off, as the
 * tests do, which call {@link WebhookDispatch#deliverDue()} themselves).
 */
@Component
class WebhookDeliverySchedule implements SchedulingConfigurer {

    private final WebhookDispatch dispatch;
    private final Duration interval;

    WebhookDeliverySchedule(WebhookDispatch dispatch,
            @Value("${agentanchor.webhooks.delivery-interval:5s}") Duration interval) {
        this.dispatch = dispatch;
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (!interval.isZero()) {
            tasks.addFixedDelayTask(dispatch::deliverDue, interval);
        }
    }
}
