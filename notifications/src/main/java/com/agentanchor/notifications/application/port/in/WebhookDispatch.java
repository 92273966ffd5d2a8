package com.agentanchor.notifications.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Sends the webhooks that are due, once each, and records how each went (delivered, refused, retried later or given
 * up). The schedule calls it every {@code AGENTANCHOR_WEBHOOKS_DELIVERY_INTERVAL}; any number of instances may, at
 * once. Returns how many attempts were made.
 */
@PrimaryPort
public interface WebhookDispatch {

    int deliverDue();
}
