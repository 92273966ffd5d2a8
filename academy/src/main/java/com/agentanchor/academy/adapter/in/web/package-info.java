/** HTTP for the academy: {@code /api/academy/enrollments}. */
@PrimaryAdapter
package com.agentanchor.academy.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
