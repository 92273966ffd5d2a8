package com.agentanchor.support;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The application as the tests of one module see it: every module on that module's classpath (itself, the modules it
 * depends on, the platform), configured as the app configures them. A module's tests thus boot that module and
 * what it stands on, nothing more; in {@code app}, where every module is on the classpath, it is the whole app. The
 * app's own {@code @SpringBootApplication} is left out of the scan so that the context is built once.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "com.agentanchor", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class) })
public class ModulesOnTheClasspath {
}
