/** Delivery guarantees for domain events across modules: retries of incomplete publications. */
package com.agentanchor.platform.delivery;
