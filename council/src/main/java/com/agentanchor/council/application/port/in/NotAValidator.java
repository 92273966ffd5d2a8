package com.agentanchor.council.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** Only trainers sit on the council. */
public class NotAValidator extends Refusal.NotAllowed {

    public NotAValidator() {
        super("Not a validator", "Only validators (profiles with the trainer role) vote on council decisions");
    }
}
