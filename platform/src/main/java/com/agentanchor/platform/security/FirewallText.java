package com.agentanchor.platform.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The text {@link StrictHttpFirewall} accepts in header names and values and in parameters, checked without a regular
 * expression. Its defaults match each string against {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (values: a tab
 * too) as the request's code reads it: a header looked up is checked each time, a dozen matchers per request, about a
 * thirtieth of what a page of agents cost (issue 13). The same rule, code point by code point, with printable ASCII
 * decided at once.
 */
final class FirewallText {

    private FirewallText() {
    }

    static StrictHttpFirewall firewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallText::assignedAndNotControl);
        firewall.setAllowedHeaderValues(FirewallText::headerValue);
        firewall.setAllowedParameterNames(FirewallText::assignedAndNotControl);
        firewall.setAllowedParameterValues(FirewallText::assignedAndNotControl);
        return firewall;
    }

    static boolean assignedAndNotControl(String text) {
        return acceptable(text, false);
    }

    static boolean headerValue(String text) {
        return acceptable(text, true);
    }

    private static boolean acceptable(String text, boolean tab) {
        for (int i = 0; i < text.length();) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
