/** Academy progress in PostgreSQL. */
@SecondaryAdapter
package com.agentanchor.academy.adapter.out.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
