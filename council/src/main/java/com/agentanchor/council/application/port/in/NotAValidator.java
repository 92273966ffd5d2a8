package com.agentanchor.council.application.port.in;

/** Only trainers sit on the council. */
public class NotAValidator extends RuntimeException {

    public NotAValidator() {
        super("Only validators (profiles with the trainer role) vote on council decisions");
    }
}
