/** Realtime's use cases. */
@Application
package com.agentanchor.realtime.application.service;

import org.jmolecules.architecture.hexagonal.Application;
