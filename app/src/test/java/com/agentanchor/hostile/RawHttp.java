package com.agentanchor.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP/1.1 written byte for byte, as a hostile client would: what {@code java.net.http} refuses to send (a declared
 * length with no body, a path with {@code %00}, headers of any size) reaches the server as sent.
 */
final class RawHttp {

    private RawHttp() {
    }

    record Reply(int status, String contentType, String body) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    /**
     * Sends {@code head} (the request line and headers, each ending CRLF, without the blank line) and {@code body},
     * asking the server to close the connection after its answer, and reads until it does. A server that keeps it
     * open well past its answer (it waits, holding a request thread, for a body that never comes) fails the test:
     * the wait is shorter than the app's connection timeout (10 s), so a hold of that length is caught.
     */
    static Reply send(int port, String head, byte[] body) throws IOException {
        return send(port, head, body, Duration.ofSeconds(8));
    }

    /** As {@link #send(int, String, byte[])}, failing only if the connection is still open after {@code wait}. */
    static Reply send(int port, String head, byte[] body, Duration wait) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) wait.toMillis());
            var out = socket.getOutputStream();
            out.write((head + "Host: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException refusedMidway) {
                    // The server answered and closed before taking the rest: what a limit should do. Read its answer.
                }
            }
            out.flush();
            var read = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(read);
            } catch (SocketTimeoutException held) {
                throw new AssertionError("the connection was still open " + wait + " after this answer: " + read, held);
            } catch (IOException reset) {
                // A reset after the answer: what was read is the answer.
            }
            return parse(read.toString(StandardCharsets.UTF_8));
        }
    }

    private static Reply parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no HTTP response: " + response);
        }
        var lines = response.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        for (var line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            }
        }
        return new Reply(status, contentType, response.substring(end + 4));
    }
}
