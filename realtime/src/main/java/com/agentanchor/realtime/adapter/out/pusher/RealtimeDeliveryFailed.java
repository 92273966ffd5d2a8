package com.agentanchor.realtime.adapter.out.pusher;

/** Pusher did not accept an event; the listener fails, so the publication stays incomplete and is retried. */
class RealtimeDeliveryFailed extends RuntimeException {

    RealtimeDeliveryFailed(String message) {
        super(message);
    }
}
