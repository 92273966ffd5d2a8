/** The profile use cases. */
@Application
package com.agentanchor.profiles.application.service;

import org.jmolecules.architecture.hexagonal.Application;
