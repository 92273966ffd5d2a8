/** The marketplace's use cases. */
@Application
package com.agentanchor.marketplace.application.service;

import org.jmolecules.architecture.hexagonal.Application;
