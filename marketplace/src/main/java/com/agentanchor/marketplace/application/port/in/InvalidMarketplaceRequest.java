package com.agentanchor.marketplace.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** A value the request carried does not make sense for the marketplace; the detail starts with the field's name. */
public class InvalidMarketplaceRequest extends Refusal.Invalid {

    public InvalidMarketplaceRequest(String field, String reason) {
        super(field, reason);
    }
}
