/** The local Pusher server reporting presence in-process. */
@PrimaryAdapter
package com.agentanchor.realtime.adapter.in.pusher;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
