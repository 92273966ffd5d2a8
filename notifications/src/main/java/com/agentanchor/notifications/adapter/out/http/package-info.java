/** Webhooks leave the platform here: the operator's allowlist, the address checks, the JDK's HTTP client. */
@SecondaryAdapter
package com.agentanchor.notifications.adapter.out.http;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
