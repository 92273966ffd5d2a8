/** The platform's signing key, from the environment or from a key file generated once. */
@SecondaryAdapter
package com.agentanchor.truthchain.adapter.out.keys;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
