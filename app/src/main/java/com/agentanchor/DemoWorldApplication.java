package com.agentanchor;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The app as {@code db seed-demo} runs it: every domain module with its use cases, listeners and database setup, as
 * {@link AgentAnchorApplication} configures them, without the realtime module: nobody is connected to watch the demo
 * world being made, and its deliveries would only wait, undelivered, for a server that is not running. Not a
 * {@code @Configuration}, so that the app's own component scan leaves it alone.
 */
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.agentanchor\\.(realtime|pusher)\\..*") })
final class DemoWorldApplication {
}
