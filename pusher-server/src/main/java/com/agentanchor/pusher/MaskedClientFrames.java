package com.agentanchor.pusher;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;

import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidFrameException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;

/**
 * RFC 6455 as a server must read it: "a server MUST close the connection upon receiving a frame that is not masked"
 * (section 5.1), with 1002 (protocol error). Java-WebSocket's own draft reads the mask bit but never checks it, so
 * this one walks the frame headers of the bytes before handing them over, across reads (a header may arrive in
 * pieces). One instance per connection: Java-WebSocket copies the draft for each.
 *
 * <p>A message over the size limit (one frame, or fragments together) closes the connection in Pusher's terms,
 * {@value #MESSAGE_TOO_BIG} ("any other type of error", after which pusher-js does not reconnect to send it again),
 * instead of the draft's 1009, after which pusher-js reconnects at once.
 */
final class MaskedClientFrames extends Draft_6455 {

    static final int MESSAGE_TOO_BIG = 4300;

    private final int maxFrameSize;
    /** The current frame's header as far as it has arrived (at most 2 + 8 bytes of length). */
    private final byte[] header = new byte[10];
    private int headerBytes;
    /** What is left of the current frame once its header is read: the masking key and the payload. */
    private long skip;

    MaskedClientFrames(int maxFrameSize) {
        super(Collections.emptyList(), maxFrameSize);
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        requireMasked(buffer.duplicate());
        try {
            return super.translateFrame(buffer);
        } catch (LimitExceededException tooBig) {
            throw new MessageTooBig(maxFrameSize);
        }
    }

    @Override
    public void processFrame(WebSocketImpl connection, Framedata frame) throws InvalidDataException {
        try {
            super.processFrame(connection, frame);
        } catch (LimitExceededException tooBig) {
            throw new MessageTooBig(maxFrameSize);
        }
    }

    private void requireMasked(ByteBuffer bytes) throws InvalidFrameException {
        while (bytes.hasRemaining()) {
            if (skip > 0) {
                int n = (int) Math.min(skip, bytes.remaining());
                bytes.position(bytes.position() + n);
                skip -= n;
                continue;
            }
            header[headerBytes++] = bytes.get();
            if (headerBytes < 2) {
                continue;
            }
            if ((header[1] & 0x80) == 0) {
                throw new InvalidFrameException("A client frame must be masked"); // closes with 1002
            }
            int length7 = header[1] & 0x7F;
            int lengthBytes = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
            if (headerBytes < 2 + lengthBytes) {
                continue;
            }
            long payload = length7 < 126 ? length7 : 0;
            for (int i = 0; i < lengthBytes; i++) {
                payload = (payload << 8) | (header[2 + i] & 0xFF);
            }
            // A negative or oversized length is refused by the draft itself: nothing more to walk.
            skip = payload < 0 ? Long.MAX_VALUE : 4 + payload;
            headerBytes = 0;
        }
    }

    @Override
    public void reset() {
        super.reset();
        headerBytes = 0;
        skip = 0;
    }

    @Override
    public Draft copyInstance() {
        return new MaskedClientFrames(maxFrameSize);
    }

    /** Still a size limit to Java-WebSocket (closed quietly, as its own), with Pusher's close code. */
    private static final class MessageTooBig extends LimitExceededException {

        MessageTooBig(int limit) {
            super("Message larger than " + limit + " bytes", limit);
        }

        @Override
        public int getCloseCode() {
            return MESSAGE_TOO_BIG;
        }
    }
}
