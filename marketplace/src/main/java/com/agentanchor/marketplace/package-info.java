/**
 * Marketplace: listings of agents and their acquisition by consumers. Owns {@code marketplace_listings} and
 * {@code acquisitions}. A trainer lists an agent of theirs that has graduated (is active); a listing is published as
 * it is created (active, {@code published_at = now()}): there is no draft or review step yet. Anyone browses the
 * active catalogue. A consumer acquires a listed agent under commission, at the listing's rate, at most once while
 * that acquisition is active; sellers do not acquire their own agents. Each acquisition counts on its listing and is
 * published as {@code AgentAcquired}, which the truth chain records. Clones, enterprise locks, prices, reviews,
 * walking away and editing or retiring a listing are not built yet.
 */
@ApplicationModule(displayName = "Marketplace", allowedDependencies = {
        "platform", "profiles :: api", "agents :: api" })
package com.agentanchor.marketplace;

import org.springframework.modulith.ApplicationModule;
