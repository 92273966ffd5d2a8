package com.agentanchor.notifications.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Tells a user something, where their notification preferences say: their inbox ({@code inApp}), their webhook
 * ({@code webhook}, queued in the same transaction), both or neither. Runs as the recipient: they must be the acting
 * profile. Telling the same event twice changes nothing.
 */
@PrimaryPort
public interface Notifying {

    void notify(NewNotification notification);
}
