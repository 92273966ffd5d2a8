package com.agentanchor.realtime.adapter.out.pusher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The flood gate's rule on a clock of the test's own: nothing is timed, every flush is the test's call. */
class FloodGateTests {

    record Sent(List<String> channels, String event, Map<String, Object> payload) {

        int count() {
            return payload.get("count") instanceof Integer count ? count : 1;
        }
    }

    final List<Sent> sent = new ArrayList<>();
    final AtomicBoolean pusherDown = new AtomicBoolean();
    final AtomicLong clock = new AtomicLong(1_000_000_000L);
    final FloodGate gate = new FloodGate((channels, event, payload) -> {
        if (pusherDown.get()) {
            throw new RealtimeDeliveryFailed("Pusher answered 500");
        }
        sent.add(new Sent(List.copyOf(channels), event, payload));
    }, clock::get);

    @AfterEach
    void close() {
        gate.close();
    }

    @Test
    void underItsRateEveryMessageGoesAtOnceAsItIs() {
        var first = event(1);
        gate.publish(List.of("private-user-a", "observer-feed"), "new-event", message(first));
        for (int i = 2; i <= FloodGate.BURST; i++) {
            gate.publish(List.of("private-user-a"), "new-event", message(event(i)));
        }
        gate.flush();

        assertThat(sent).hasSize(FloodGate.BURST);
        assertThat(sent.get(0)).isEqualTo(new Sent(List.of("private-user-a", "observer-feed"), "new-event", first));
        assertThat(sent).noneMatch(s -> s.payload().containsKey("coalesced"));
    }

    @Test
    void pastItsRateAChannelGetsOneMessageStandingForAllItHeld() {
        int published = FloodGate.BURST + 40;
        for (int i = 1; i <= published; i++) {
            gate.publish(List.of("private-user-a"), "new-event", message(event(i)));
        }
        assertThat(sent).as("the burst, at once").hasSize(FloodGate.BURST);

        gate.flush();

        assertThat(sent).hasSize(FloodGate.BURST + 1);
        var coalesced = sent.get(sent.size() - 1).payload();
        assertThat(coalesced).containsEntry("coalesced", true).containsEntry("count", 40)
                .containsEntry("event", event(published).get("event"));
        assertThat(coalesced.get("eventId")).isNotEqualTo(event(published).get("eventId"));
        assertThat(titles(coalesced)).containsExactly("event " + (published - 4), "event " + (published - 3),
                "event " + (published - 2), "event " + (published - 1), "event " + published);
        assertThat(sent.stream().mapToInt(Sent::count).sum()).as("never silently nothing").isEqualTo(published);
    }

    @Test
    void theRateComesBackWithTimeAndNothingOvertakesWhatIsHeld() {
        for (int i = 1; i <= FloodGate.BURST + 1; i++) {
            gate.publish(List.of("private-user-a"), "new-event", message(event(i)));
        }
        clock.addAndGet(1_000_000_000L); // a second later: PER_SECOND more may go at once ...
        gate.publish(List.of("private-user-a"), "new-event", message(event(1_000)));
        assertThat(sent).as("... but not past the one held").hasSize(FloodGate.BURST);

        gate.flush();
        gate.publish(List.of("private-user-a"), "new-event", message(event(1_001)));

        assertThat(sent).hasSize(FloodGate.BURST + 2);
        assertThat(sent.get(FloodGate.BURST).payload()).containsEntry("count", 2);
        assertThat(sent.get(FloodGate.BURST + 1).payload()).isEqualTo(event(1_001));
    }

    @Test
    void oneMessageHeldGoesOutAsItWas() {
        for (int i = 1; i <= FloodGate.BURST + 1; i++) {
            gate.publish(List.of("private-user-a"), "new-event", message(event(i)));
        }
        gate.flush();

        assertThat(sent.get(sent.size() - 1).payload()).isEqualTo(event(FloodGate.BURST + 1));
    }

    @Test
    void aFloodedChannelHoldsNoOtherChannel() {
        for (int i = 1; i <= FloodGate.BURST; i++) {
            gate.publish(List.of("observer-feed"), "new-event", message(event(i)));
        }
        var both = event(1_000);
        gate.publish(List.of("observer-feed", "private-user-b"), "new-event", message(both));
        gate.publish(List.of("observer-feed"), "anomaly-detected", message(event(1_001)));

        assertThat(sent.subList(FloodGate.BURST, sent.size())).containsExactly(
                new Sent(List.of("private-user-b"), "new-event", both),
                new Sent(List.of("observer-feed"), "anomaly-detected", event(1_001)));
    }

    @Test
    void aBatchHeldCountsAsTheEventsItStandsFor() {
        for (int i = 1; i <= FloodGate.BURST; i++) {
            gate.publish(List.of("private-user-a"), "new-event", message(event(i)));
        }
        gate.publish(List.of("private-user-a"), "new-event", message(event(1_000)));
        var batch = new LinkedHashMap<>(event(2_000));
        batch.put("coalesced", true);
        batch.put("count", 200);
        batch.put("events", List.of(event(1_999).get("event"), event(2_000).get("event")));
        gate.publish(List.of("private-user-a"), "new-event", new FloodGate.Message(batch, 200,
                List.of(event(1_999).get("event"), event(2_000).get("event"))));
        gate.flush();

        var coalesced = sent.get(sent.size() - 1).payload();
        assertThat(coalesced).containsEntry("count", 201);
        assertThat(titles(coalesced)).containsExactly("event 1000", "event 1999", "event 2000");
    }

    @Test
    void whatAFailedFlushHeldIsSentWithWhatCameSince() {
        for (int i = 1; i <= FloodGate.BURST + 3; i++) {
            gate.publish(List.of("private-user-a"), "new-event", message(event(i)));
        }
        pusherDown.set(true);
        gate.flush();
        assertThatThrownBy(() -> gate.publish(List.of("private-user-b"), "new-event", message(event(500))))
                .as("a message sent at once fails to its caller, whose publication is retried")
                .isInstanceOf(RealtimeDeliveryFailed.class);
        gate.publish(List.of("private-user-a"), "new-event", message(event(501)));
        pusherDown.set(false);
        gate.flush();

        var coalesced = sent.get(sent.size() - 1).payload();
        assertThat(coalesced).containsEntry("count", 4).containsEntry("event", event(501).get("event"));
        assertThat(sent.stream().mapToInt(Sent::count).sum()).isEqualTo(FloodGate.BURST + 4);
    }

    @Test
    void aQuietChannelIsForgottenOnceItsRateIsWhole() {
        gate.publish(List.of("private-user-a"), "new-event", message(event(1)));
        clock.addAndGet(1_000_000_000L);
        gate.flush();
        for (int i = 2; i <= FloodGate.BURST + 1; i++) {
            gate.publish(List.of("private-user-a"), "new-event", message(event(i)));
        }

        assertThat(sent).as("a full burst again").hasSize(FloodGate.BURST + 1);
    }

    private static FloodGate.Message message(Map<String, Object> payload) {
        return FloodGate.Message.of(payload, payload.get("event"));
    }

    private static Map<String, Object> event(int n) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("eventId", UUID.nameUUIDFromBytes(("event " + n).getBytes()));
        payload.put("event", Map.of("title", "event " + n));
        return payload;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> titles(Map<String, Object> coalesced) {
        return ((List<Map<String, Object>>) coalesced.get("events")).stream().map(e -> e.get("title"))
                .map(Object.class::cast).toList();
    }
}
