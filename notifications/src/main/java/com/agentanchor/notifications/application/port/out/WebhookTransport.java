package com.agentanchor.notifications.application.port.out;

import java.util.Map;

/** POSTs a webhook to the outside world, if the operator's rules allow its address. */
public interface WebhookTransport {

    Outcome post(String url, Map<String, String> headers, String body);

    /** Delivered (a 2xx), refused (never sent: an address not allowed), or failed (try again later). */
    record Outcome(Kind kind, String detail) {

        public static Outcome delivered(int status) {
            return new Outcome(Kind.DELIVERED, "HTTP " + status);
        }

        public static Outcome refused(String why) {
            return new Outcome(Kind.REFUSED, why);
        }

        public static Outcome failed(String why) {
            return new Outcome(Kind.FAILED, why);
        }
    }

    enum Kind {
        DELIVERED, REFUSED, FAILED
    }
}
