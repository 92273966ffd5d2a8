package com.agentanchor.truthchain.application.port.out;

import com.agentanchor.truthchain.domain.PlatformKey;

/** Where the platform's signing key comes from. */
public interface SigningKeySource {

    PlatformKey signingKey();

    /** Where it was loaded from, for the log (never the key itself). */
    String description();
}
