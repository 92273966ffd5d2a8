/** The truth chain's tables in PostgreSQL, written only through their definer functions. */
@SecondaryAdapter
package com.agentanchor.truthchain.adapter.out.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
