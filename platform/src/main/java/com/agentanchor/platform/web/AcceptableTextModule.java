package com.agentanchor.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * {@link AcceptableText} for every JSON string a request body carries: a field of type String, the items of a list
 * of them, the values of a free-form object and its keys. Jackson adds where it was ({@code events[3].title}), and
 * {@link ProblemDetailsAdvice} names that field in a 400.
 */
final class AcceptableTextModule extends SimpleModule {

    AcceptableTextModule() {
        super("acceptable-text");
        addDeserializer(String.class, new CheckedStrings());
        addKeyDeserializer(String.class, new CheckedKeys());
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

    private static String checked(String text, DeserializationContext context) {
        var problem = text == null ? null : AcceptableText.problem(text);
        if (problem != null) {
            throw new UnacceptableText(context.getParser(), problem);
        }
        return text;
    }
}
