/** The council's use cases. */
@Application
package com.agentanchor.council.application.service;

import org.jmolecules.architecture.hexagonal.Application;
