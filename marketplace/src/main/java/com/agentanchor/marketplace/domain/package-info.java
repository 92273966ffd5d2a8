/**
 * Listings and acquisitions: their states, their terms and the rules of their moves. No Spring here. Where the
 * database must hold a rule too (a caller could write SQL as the app role), the Java rule names its SQL twin.
 */
package com.agentanchor.marketplace.domain;
