/**
 * Delivery guarantees for domain events across modules: retries of incomplete publications, and the event
 * registry's bookkeeping kept to what they need.
 */
package com.agentanchor.platform.delivery;
