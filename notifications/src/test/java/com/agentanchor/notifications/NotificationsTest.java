package com.agentanchor.notifications;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

import com.agentanchor.support.IntegrationTest;

/**
 * This module's integration tests, all in one Spring context: the shared one, with {@code localhost} allowed as a
 * webhook host (the test receivers listen on loopback). {@code 127.0.0.1} is deliberately not on the list.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = "agentanchor.webhooks.allowed-hosts=localhost")
@interface NotificationsTest {
}
