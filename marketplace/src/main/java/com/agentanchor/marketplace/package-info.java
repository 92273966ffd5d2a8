/**
 * Marketplace: listings of agents and their acquisition by consumers. Owns {@code marketplace_listings} and
 * {@code acquisitions}. A trainer lists an agent of theirs that has graduated (is active), with terms for each kind
 * of acquisition (a commission rate per use, a clone price with at most {@code maxClones} clones, an enterprise lock
 * price), and moves the listing between active and paused, and to retired for good. Anyone searches the active
 * catalogue (full text, keyset pages) and looks at listings, which counts views. A consumer acquires a listed agent
 * under commission, as a clone (a new agent of theirs, registered through the agents module's api) or under an
 * exclusive enterprise lock, at the terms of that moment, at most once while that acquisition is active; sellers do
 * not acquire their own agents. The database holds every rule a caller could get around: it copies the terms, takes
 * the clone stock atomically (the listing sells out), admits nothing past an active enterprise lock, lets a consumer
 * walk away and a seller terminate or record usage only through definer functions, and counts reviews (once per
 * acquisition) into the listing's average. Each acquisition is published as {@code AgentAcquired}, which the truth
 * chain records. When an agent retires ({@code AgentStatusChanged}), its listings retire and their active
 * commissions and enterprise locks end.
 */
@ApplicationModule(displayName = "Marketplace", allowedDependencies = {
        "platform", "profiles :: api", "agents :: api", "agents :: events" })
package com.agentanchor.marketplace;

import org.springframework.modulith.ApplicationModule;
