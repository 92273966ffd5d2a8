package com.agentanchor.platform.web;

import java.time.Clock;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

import tools.jackson.databind.DeserializationFeature;

@Configuration(proxyBeanMethods = false)
@EnableAsync
class WebConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A request body is read strictly: an unknown field, a null for a number or trailing text is the client's
     * mistake, answered 400, never silently dropped.
     */
    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return json -> json.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
