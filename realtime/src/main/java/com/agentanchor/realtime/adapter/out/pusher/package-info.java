/** Domain events out to Pusher channels, and the health of that path. */
@SecondaryAdapter
package com.agentanchor.realtime.adapter.out.pusher;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
