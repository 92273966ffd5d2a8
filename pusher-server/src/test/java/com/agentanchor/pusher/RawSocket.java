package com.agentanchor.pusher;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written on a plain TCP socket, byte by byte, for what no WebSocket library will send: unmasked
 * frames, reserved opcodes, oversized frames, a client that stops reading.
 */
final class RawSocket implements AutoCloseable {

    static final int TEXT = 0x1;
    static final int CLOSE = 0x8;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects and completes the opening handshake; {@code receiveBuffer} > 0 shrinks the socket's buffer. */
    static RawSocket open(LocalPusherServer server, int receiveBuffer) throws IOException {
        var socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress(server.host(), server.wsPort()), 5000);
        socket.setSoTimeout(10_000);
        var raw = new RawSocket(socket);
        var key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        raw.out.write(("GET /app/" + server.config().key() + "?protocol=7&client=raw&version=1 HTTP/1.1\r\n"
                + "Host: " + server.host() + ":" + server.wsPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        raw.out.flush();
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) raw.in.readUnsignedByte());
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + head);
        }
        return raw;
    }

    static RawSocket open(LocalPusherServer server) throws IOException {
        return open(server, 0);
    }

    void sendText(String text, boolean masked) throws IOException {
        send(0x80 | TEXT, text.getBytes(StandardCharsets.UTF_8), masked);
    }

    /** One frame: {@code firstByte} is FIN, RSV and opcode as they go on the wire. */
    void send(int firstByte, byte[] payload, boolean masked) throws IOException {
        var frame = new ByteArrayOutputStream();
        frame.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            frame.write(maskBit | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(maskBit | 127);
            frame.write(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        var body = payload.clone();
        if (masked) {
            var mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.write(mask);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= mask[i % 4];
            }
        }
        frame.write(body);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The next frame from the server (servers never mask); null when the connection ended. */
    Frame read() throws IOException {
        try {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            var payload = new byte[(int) length];
            in.readFully(payload);
            return new Frame(first & 0x0F, payload);
        } catch (EOFException | java.net.SocketException e) {
            return null;
        }
    }

    /** Reads frames until one with {@code opcode} (text frames containing {@code contains}, when given). */
    Frame next(int opcode, String contains) throws IOException {
        for (Frame f = read(); f != null; f = read()) {
            if (f.opcode() == opcode && (contains == null || f.text().contains(contains))) {
                return f;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Frame(int opcode, byte[] payload) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame. */
        int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }
}
