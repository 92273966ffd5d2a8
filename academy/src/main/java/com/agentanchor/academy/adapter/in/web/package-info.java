/** HTTP for the academy: {@code /api/academy/curricula}, {@code /enrollments}, {@code /examinations}. */
@PrimaryAdapter
package com.agentanchor.academy.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
