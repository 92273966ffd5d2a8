/** Profiles in PostgreSQL, read and written under the acting user's row-level security. */
@SecondaryAdapter
package com.agentanchor.profiles.adapter.out.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
