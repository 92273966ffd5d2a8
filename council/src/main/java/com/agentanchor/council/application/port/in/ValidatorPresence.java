package com.agentanchor.council.application.port.in;

import java.util.Set;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * Which human validators are online, as the realtime layer sees them join and leave the council's presence
 * channel. Escalations go to validators who are there.
 */
@PrimaryPort
public interface ValidatorPresence {

    void joined(ProfileId validator);

    void left(ProfileId validator);

    Set<ProfileId> online();
}
