package com.agentanchor.observer.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * The observer's log read back as a feed, as row-level security lets the viewer see it: events about themselves
 * and their agents, what they did, and the public info and warning events of active agents.
 */
@PrimaryPort
public interface ObserverFeed {

    int MAX_LIMIT = 200;

    FeedPage read(ProfileId viewer, FeedQuery query);
}
