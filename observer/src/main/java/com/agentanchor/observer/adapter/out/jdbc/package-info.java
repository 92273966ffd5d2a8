/** Observer events in PostgreSQL. */
@SecondaryAdapter
package com.agentanchor.observer.adapter.out.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
