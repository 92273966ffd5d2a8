/** The academy's use cases. */
@Application
package com.agentanchor.academy.application.service;

import org.jmolecules.architecture.hexagonal.Application;
