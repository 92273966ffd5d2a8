/** The inbox and webhook-secret endpoints. */
@PrimaryAdapter
package com.agentanchor.notifications.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
