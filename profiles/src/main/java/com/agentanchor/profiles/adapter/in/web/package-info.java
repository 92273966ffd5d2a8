/** HTTP for profiles: {@code /api/profiles/me} (your own), {@code /api/profiles/{id}} (anyone's public page). */
@PrimaryAdapter
package com.agentanchor.profiles.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
