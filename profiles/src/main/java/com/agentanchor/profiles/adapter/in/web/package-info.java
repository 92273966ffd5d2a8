/** HTTP for a user's own profile: {@code /api/profiles/me}. */
@PrimaryAdapter
package com.agentanchor.profiles.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
