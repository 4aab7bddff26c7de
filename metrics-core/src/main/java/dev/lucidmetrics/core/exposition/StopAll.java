package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpServer;

/**
 * {@code HttpServer.stop(0)} that leaves no connection open. The JDK's stop (17 and 25 alike) closes the listening
 * socket, closes every connection it knows, then waits for its dispatcher thread to end; but a connection the
 * dispatcher accepted a moment before the listening socket closed is added to the known ones only after they were
 * closed. The dispatcher then ends without reading it, and its client, who sent a request, waits forever for an
 * answer or a close. A second stop, once the first has seen the dispatcher end, closes the connections it added.
 */
final class StopAll {

    private StopAll() {
    }

    /** Stops {@code server} at once and closes every connection it accepted. */
    static void now(HttpServer server) {
        server.stop(0);   // returns after the dispatcher ended: it accepts and adds no more connections
        server.stop(0);   // closes those it added while the first stop was closing the others
    }
}
