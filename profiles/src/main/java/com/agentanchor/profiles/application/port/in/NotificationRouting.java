package com.agentanchor.profiles.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * The notification preferences of the acting user, for the module that notifies them: it runs as the recipient,
 * since a profile is readable only by its own user.
 */
@PrimaryPort
public interface NotificationRouting {

    NotificationChannels channels(ProfileId recipient);
}
