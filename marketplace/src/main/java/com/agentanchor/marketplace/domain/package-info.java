/** Listings and acquisitions: their states and kinds. No Spring here. */
package com.agentanchor.marketplace.domain;
