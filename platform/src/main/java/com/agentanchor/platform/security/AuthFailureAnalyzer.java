package com.agentanchor.platform.security;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns an unsafe token setup into one sentence that names the variables to set. */
public class AuthFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnsafeAuthSetting unsafe) {
                return new FailureAnalysis(unsafe.getMessage(),
                        "See the configuration reference in the README (AGENTANCHOR_AUTH_*).", unsafe);
            }
        }
        return null;
    }
}
