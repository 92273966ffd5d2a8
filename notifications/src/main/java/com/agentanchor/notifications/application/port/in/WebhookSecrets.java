package com.agentanchor.notifications.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/** A user's webhook signing secret: a new one replaces the old at once; it is shown only when issued. */
@PrimaryPort
public interface WebhookSecrets {

    IssuedWebhookSecret issue(ProfileId owner);
}
