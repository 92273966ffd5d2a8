package com.agentanchor.platform.delivery;

import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Event publications as JSON by the application's {@link JsonMapper}, exactly as Modulith's own Jackson serializer
 * writes and reads them, but with the mapper taken once: Modulith's looks it up in the bean factory again for every
 * event it stores, a dependency resolution per publication on the request path (seen in the agent loop's profile).
 * Modulith's backs off when this bean exists.
 */
@Component
class EventSerialization implements EventSerializer {

    private final JsonMapper json;

    EventSerialization(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Object serialize(Object event) {
        return json.writeValueAsString(event);
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        return json.readerFor(type).readValue(serialized.toString());
    }
}
