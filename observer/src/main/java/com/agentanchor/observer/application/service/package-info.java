/** The observer's use cases. */
@Application
package com.agentanchor.observer.application.service;

import org.jmolecules.architecture.hexagonal.Application;
