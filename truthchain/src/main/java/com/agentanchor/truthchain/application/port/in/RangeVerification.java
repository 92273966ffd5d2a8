package com.agentanchor.truthchain.application.port.in;

import com.agentanchor.truthchain.domain.Finding;

/**
 * The outcome of walking records {@code from..to}: how many verified before the first broken link (all of them when
 * {@code intact}), the broken link if any, and the chain's stored length at the time.
 */
public record RangeVerification(long from, long to, long verified, boolean intact, Finding firstBroken,
        long chainLength) {
}
