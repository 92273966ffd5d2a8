/** The use cases. */
@Application
package com.agentanchor.notifications.application.service;

import org.jmolecules.architecture.hexagonal.Application;
