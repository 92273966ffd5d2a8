/** What the notifications module offers: notifying a user, their inbox, their webhook secret, delivering webhooks. */
@NamedInterface("api")
package com.agentanchor.notifications.application.port.in;

import org.springframework.modulith.NamedInterface;
