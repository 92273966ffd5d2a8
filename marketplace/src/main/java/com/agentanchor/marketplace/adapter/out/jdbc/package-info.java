/** Listings and acquisitions in PostgreSQL. */
@SecondaryAdapter
package com.agentanchor.marketplace.adapter.out.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
