/** The truth chain's use cases: appending in batches under the chain's lock, verifying, checkpointing. */
@Application
package com.agentanchor.truthchain.application.service;

import org.jmolecules.architecture.hexagonal.Application;
