package com.agentanchor.notifications.adapter.in.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.agentanchor.notifications.application.port.in.Inbox;
import com.agentanchor.notifications.application.port.in.InboxPage;
import com.agentanchor.notifications.application.port.in.IssuedWebhookSecret;
import com.agentanchor.notifications.application.port.in.NotificationView;
import com.agentanchor.notifications.application.port.in.WebhookSecrets;
import com.agentanchor.profiles.application.port.in.ProfileId;

import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Inbox inbox;
    private final WebhookSecrets secrets;

    NotificationController(Inbox inbox, WebhookSecrets secrets) {
        this.inbox = inbox;
        this.secrets = secrets;
    }

    @GetMapping
    @Operation(summary = "Your inbox, newest first",
            description = "Your notifications only. {\"items\",\"next\",\"unread\"}: pass next as after for the older "
                    + "ones (null on the last page); unread counts the whole inbox. limit 1–100, default 20. "
                    + "Notifications land here while notificationPreferences.inApp is on.")
    InboxPage inbox(ProfileId reader, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "" + Inbox.DEFAULT_LIMIT) int limit) {
        return inbox.page(reader, after, limit);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one notification read",
            description = "Answers the notification with readAt; marking it again keeps the first time. 404 for a "
                    + "notification that is not in your inbox.")
    NotificationView read(ProfileId reader, @PathVariable UUID id) {
        return inbox.markRead(reader, id);
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark every unread notification read", description = "{\"marked\": how many were unread}")
    Map<String, Integer> readAll(ProfileId reader) {
        return Map.of("marked", inbox.markAllRead(reader));
    }

    @PostMapping("/webhook-secret")
    @Operation(summary = "A new signing secret for your webhook (shown once)",
            description = "whsec_ and the base64 of 32 random bytes, per Standard Webhooks: verify each POST's "
                    + "webhook-signature with it (HMAC-SHA256 of webhook-id.webhook-timestamp.body, keyed with the "
                    + "decoded bytes). It is in this answer and nowhere else, ever; asking again replaces it at once. "
                    + "Without one, webhooks wait (and are retried) until you have one.")
    IssuedWebhookSecret webhookSecret(ProfileId owner) {
        return secrets.issue(owner);
    }
}
