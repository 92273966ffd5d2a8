package com.agentanchor.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;

import com.agentanchor.platform.text.AcceptableText;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * {@link AcceptableText} for every JSON string a request body carries: a field of type String, the items of a list
 * of them, the keys of a map, and every string and key of a free-form value at any depth. Jackson adds where it was ({@code events[3].title}), and
 * {@link ProblemDetailsAdvice} names that field in a 400.
 */
final class AcceptableTextModule extends SimpleModule {

    AcceptableTextModule() {
        super("acceptable-text");
        addDeserializer(String.class, new CheckedStrings());
        addKeyDeserializer(String.class, new CheckedKeys());
        addDeserializer(Object.class, new CheckedFreeForm());
    }

    /** A string a request may not carry; its message says why. */
    static final class UnacceptableText extends MismatchedInputException {

        UnacceptableText(JsonParser parser, String why) {
            super(parser, why, String.class);
        }
    }

    private static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return checked(super.deserialize(parser, context), context);
        }
    }

    private static final class CheckedKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            return checked(key, context);
        }
    }

    /**
     * A free-form value ({@code Object}, the values of a {@code Map<String, Object>}: a report's payload, a request's
     * context) as Jackson would give it (maps, lists, strings, numbers, booleans, null), with every string and every
     * key at any depth checked: Jackson's own reads nested keys without asking a key deserializer.
     */
    private static final class CheckedFreeForm extends StdDeserializer<Object> {

        CheckedFreeForm() {
            super(Object.class);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            return plain(context.readTree(parser), context);
        }

        private static Object plain(JsonNode node, DeserializationContext context) {
            if (node.isObject()) {
                var map = new LinkedHashMap<String, Object>();
                for (var property : node.properties()) {
                    map.put(checked(property.getKey(), context), plain(property.getValue(), context));
                }
                return map;
            }
            if (node.isArray()) {
                var list = new ArrayList<Object>(node.size());
                node.forEach(item -> list.add(plain(item, context)));
                return list;
            }
            if (node.isString()) {
                return checked(node.stringValue(), context);
            }
            if (node.isNumber()) {
                return node.numberValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            return null;
        }
    }

    private static String checked(String text, DeserializationContext context) {
        var problem = text == null ? null : AcceptableText.problem(text);
        if (problem != null) {
            throw new UnacceptableText(context.getParser(), problem);
        }
        return text;
    }
}
