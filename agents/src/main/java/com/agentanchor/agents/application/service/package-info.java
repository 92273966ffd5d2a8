/** The agent use cases. */
@Application
package com.agentanchor.agents.application.service;

import org.jmolecules.architecture.hexagonal.Application;
