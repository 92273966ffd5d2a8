/** Pusher asking in: pusher-js for its options and signatures, Pusher for its webhooks. */
@PrimaryAdapter
package com.agentanchor.realtime.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
