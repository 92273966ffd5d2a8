/**
 * Notifications: what a user hears about their agents, in two places their preferences choose (profiles'
 * {@code notificationPreferences}): an in-app inbox ({@code notifications}, read and marked read by its recipient
 * only) and their webhook, POSTed with a Standard Webhooks signature under a secret shown once, from an outbox
 * ({@code webhook_deliveries}) that a worker drains at least once, retrying with backoff, and never towards an address
 * the operator has not allowed. Listens to the events of agents, the council and the marketplace; email is not built.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = { "platform", "profiles :: api",
        "agents :: events", "council :: events", "marketplace :: events" })
package com.agentanchor.notifications;

import org.springframework.modulith.ApplicationModule;
