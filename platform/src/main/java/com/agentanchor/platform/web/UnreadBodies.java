package com.agentanchor.platform.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;

import jakarta.servlet.ServletException;

/**
 * A declared body too large to be drained is not waited for. After answering a request whose body it did not read
 * (a 413 for its declared length, say), Tomcat drains the body so the client can read the answer before the
 * connection closes; for a body longer than its max swallow size (the largest body accepted, 8 MB, application.yaml)
 * it then closes the connection anyway, but first it waits for as much that a hostile client never sends, holding a
 * request thread up to the connection timeout: 250 such requests, with no token, held every worker and liveness went
 * unanswered. Here that connection is closed right after its answer. A body the API would accept is still drained as
 * Tomcat does, so that a client still sending it reads its answer rather than a reset; the connection timeout bounds
 * that wait.
 */
final class UnreadBodies extends ValveBase {

    UnreadBodies() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (!request.isAsyncStarted()) {
            closeRatherThanDrain(request);
        }
    }

    /**
     * Once {@code request} is answered: if the body it declared but did not send is over the max swallow size, the
     * connection closes without waiting for it. Also for what Tomcat refuses before the application ({@link
     * ProblemErrorReports}), where this valve never runs.
     */
    static void closeRatherThanDrain(Request request) {
        var coyote = request.getCoyoteRequest();
        long owed = coyote.getContentLengthLong() - coyote.getBytesRead();
        if (owed > 0 && request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http
                && http.getMaxSwallowSize() > -1 && owed > http.getMaxSwallowSize()) {
            coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null); // Tomcat's own "aborted upload": answer, then close
        }
    }
}
