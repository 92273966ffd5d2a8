package com.agentanchor.realtime.adapter.out.pusher;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.agentanchor.pusher.LocalPusherServer;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends events within Pusher's own limits: data up to 10 KB (larger payloads lose their trimmable fields and say so,
 * rather than being dropped), at most 100 channels per call. To Pusher or a Pusher-compatible server through
 * pusher-http-java; to the built-in server, which runs in this JVM, by a call (it checks the same limits as its HTTP
 * API): the signed HTTP round trip to ourselves was a fifth to a third of a registration's app CPU. Anything but
 * success is a failure the caller must retry.
 */
@Component
class PusherPublisher {

    static final int MAX_DATA_BYTES = 10 * 1024;
    static final int MAX_CHANNELS = 100;
    private static final List<String> TRIMMABLE = List.of("description", "message", "reason", "payload");
    private static final Logger log = LoggerFactory.getLogger(PusherPublisher.class);

    private final Pusher pusher;
    private final LocalPusherServer local;
    /** The deliveries metric's {@code server} tag. */
    private final String server;
    private final JsonMapper json;
    private final MeterRegistry meters;

    PusherPublisher(Pusher pusher, ObjectProvider<LocalPusherServer> local, JsonMapper json, MeterRegistry meters) {
        this.pusher = pusher;
        this.local = local.getIfAvailable();
        this.server = this.local != null ? "built-in" : "pusher";
        this.json = json;
        this.meters = meters;
        // Our payloads are serialized by Jackson already; Pusher's default marshaller would encode them twice.
        pusher.setDataMarshaller(data -> (String) data);
    }

    /** Whether events go to the built-in server, in this JVM, rather than to Pusher over the network. */
    boolean builtIn() {
        return local != null;
    }

    void publish(List<String> channels, String event, Map<String, Object> payload) {
        var data = fit(payload);
        for (int from = 0; from < channels.size(); from += MAX_CHANNELS) {
            var batch = channels.subList(from, Math.min(channels.size(), from + MAX_CHANNELS));
            var sample = Timer.start(meters);
            var refusal = local != null ? deliverHere(batch, event, data) : deliverToPusher(batch, event, data);
            sample.stop(meters.timer("agentanchor.realtime.deliveries", "event", event, "outcome",
                    refusal == null ? "success" : "failure", "server", server));
            if (refusal != null) {
                throw new RealtimeDeliveryFailed("Pusher refused " + event + " to " + batch + ": " + refusal);
            }
        }
    }

    /** Why the built-in server refused it, or null. */
    private String deliverHere(List<String> channels, String event, String data) {
        try {
            local.trigger(channels, event, data, null);
            return null;
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return refused.getMessage();
        }
    }

    /** Why Pusher refused it, or null. */
    private String deliverToPusher(List<String> channels, String event, String data) {
        Result result = pusher.trigger(channels, event, data);
        return result.getStatus() == Result.Status.SUCCESS ? null
                : result.getStatus() + " " + result.getHttpStatus() + " " + result.getMessage();
    }

    /** The JSON to send: the payload itself, or, over 10 KB, the payload without its long texts, marked truncated. */
    String fit(Map<String, Object> payload) {
        var data = json.writeValueAsString(payload);
        if (data.getBytes(StandardCharsets.UTF_8).length <= MAX_DATA_BYTES) {
            return data;
        }
        var trimmed = withoutLongTexts(payload);
        trimmed.put("truncated", true);
        data = json.writeValueAsString(trimmed);
        if (data.getBytes(StandardCharsets.UTF_8).length <= MAX_DATA_BYTES) {
            return data;
        }
        log.warn("Realtime payload {} too large even trimmed; sending its id only", payload.get("eventId"));
        var minimal = new LinkedHashMap<String, Object>();
        minimal.put("eventId", payload.get("eventId"));
        minimal.put("truncated", true);
        return json.writeValueAsString(minimal);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutLongTexts(Map<String, Object> payload) {
        var copy = new LinkedHashMap<String, Object>();
        payload.forEach((key, value) -> {
            if (!TRIMMABLE.contains(key)) {
                copy.put(key, value instanceof Map<?, ?> nested ? withoutLongTexts((Map<String, Object>) nested) : value);
            }
        });
        return copy;
    }
}
