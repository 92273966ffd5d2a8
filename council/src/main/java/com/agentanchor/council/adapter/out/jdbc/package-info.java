/** Council decisions in PostgreSQL. */
@SecondaryAdapter
package com.agentanchor.council.adapter.out.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
