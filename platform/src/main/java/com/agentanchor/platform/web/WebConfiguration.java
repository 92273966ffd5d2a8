package com.agentanchor.platform.web;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
@EnableAsync
class WebConfiguration {

    /** Tomcat's own error reports (for requests refused before the application saw them) as problem details. */
    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return ProblemErrorReports.installer();
    }

    /** A body too large to drain is not waited for after its answer ({@link UnreadBodies}). */
    @Bean
    TomcatContextCustomizer unreadBodies() {
        return context -> context.getPipeline().addValve(new UnreadBodies());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Instants as Jackson writes them, cheaper ({@link IsoInstantSerializer}). */
    @Bean
    JsonMapperBuilderCustomizer isoInstants() {
        return json -> json.addModule(new SimpleModule("iso-instants").addSerializer(Instant.class,
                new IsoInstantSerializer()));
    }

    /**
     * A request body is read strictly: an unknown field, a null for a number, trailing text, or a value of another
     * JSON type than the field's ({@code "score": "12"}, {@code "name": 123}, {@code "riskLevel": 1.9}, which would
     * otherwise be truncated to 1) is the client's mistake, answered 400, never silently converted or dropped; so is
     * text no database column could hold as sent ({@link AcceptableTextModule}), and a name given twice in one
     * object ({@code {"name":"a","name":"b"}}), which parsers read differently (first or last wins), so the body would
     * not say one thing (RFC 8259 §4; I-JSON, RFC 7493, forbids it).
     */
    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return json -> json.addModule(new AcceptableTextModule())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // Jackson still turns a number or a boolean into text unless told not to.
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
