package com.agentanchor.platform.security;

/** Token verification that must not run as configured; start-up reports it in one sentence. */
class UnsafeAuthSetting extends RuntimeException {

    UnsafeAuthSetting(String message) {
        super(message);
    }
}
