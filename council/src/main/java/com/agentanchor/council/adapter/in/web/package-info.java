/** HTTP for the council: {@code /api/council/decisions}. */
@PrimaryAdapter
package com.agentanchor.council.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
