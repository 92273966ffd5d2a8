/** The inbox's and the webhooks' rules, in plain Java. */
package com.agentanchor.notifications.domain;
