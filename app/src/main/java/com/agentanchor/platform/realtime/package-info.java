/**
 * Realtime: the secondary adapter that turns domain events into Pusher events on the story's channels, signs
 * channel subscriptions for the users entitled to them, and, with no Pusher credentials, serves the Pusher
 * protocol itself ({@code local}).
 */
@SecondaryAdapter
package com.agentanchor.platform.realtime;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
