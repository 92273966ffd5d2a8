package com.agentanchor.notifications.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which addresses a webhook may go to without the operator's say-so (against SSRF: a user's webhook URL must not
 * reach the platform's own network). Refused: unspecified (0.0.0.0/8, ::), loopback, private (10/8, 172.16/12,
 * 192.168/16), carrier-grade NAT (100.64/10), link-local (169.254/16, the cloud metadata address among them;
 * fe80::/10), multicast, broadcast and reserved (240/4), IETF protocol and benchmarking ranges (192.0.0/24,
 * 198.18/15), IPv6 unique-local (fc00::/7) and site-local, and IPv6 addresses that embed a refused IPv4 address
 * (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16).
 */
public final class OutboundAddresses {

    private OutboundAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        var b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            var embedded = embeddedIpv4(b);
            return embedded == null || isPublicIpv4(embedded);
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224
                || a0 == 100 && a1 >= 64 && a1 <= 127
                || a0 == 169 && a1 == 254
                || a0 == 172 && a1 >= 16 && a1 <= 31
                || a0 == 192 && a1 == 168
                || a0 == 192 && a1 == 0 && a2 == 0
                || a0 == 198 && (a1 == 18 || a1 == 19));
    }

    /** The IPv4 address an IPv6 address carries, or null. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeroPrefix = Arrays.equals(Arrays.copyOfRange(b, 0, 10), new byte[10]);
        if (zeroPrefix && (b[10] == 0 && b[11] == 0 || (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)) {
            return Arrays.copyOfRange(b, 12, 16); // ::a.b.c.d, ::ffff:a.b.c.d
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8])) {
            return Arrays.copyOfRange(b, 12, 16); // 64:ff9b::/96
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6); // 2002::/16 6to4
        }
        return null;
    }
}
