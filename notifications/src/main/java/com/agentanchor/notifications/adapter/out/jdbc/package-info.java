/** The inbox, the outbox and the secrets in PostgreSQL, under the acting user's row-level security. */
@SecondaryAdapter
package com.agentanchor.notifications.adapter.out.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
