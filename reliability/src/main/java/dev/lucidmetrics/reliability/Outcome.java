package dev.lucidmetrics.reliability;

/**
 * What one request got: a complete response, or how it failed. Times are {@code System.nanoTime()} of the runner, so
 * they compare with the moment a signal was sent.
 *
 * @param kind       how it ended
 * @param status     the status code when a status line arrived (a truncated response's too), else 0
 * @param marker     what the body showed, as the request's classifier names it ("picture", "placeholder"), or ""
 * @param sent       whether every byte of the request was written before it ended
 * @param sentNanos  when the last byte of the request was written (meaningful only when {@code sent})
 * @param reused     whether it went over a keep-alive connection that had carried an earlier request
 */
record Outcome(Kind kind, int status, String marker, long startNanos, boolean sent, long sentNanos, long endNanos,
        boolean reused) {

    /** How a request ended. Only {@link #RESPONSE} is a complete response. */
    enum Kind {
        /** Status line, headers and the whole body (as long as Content-Length or the chunks said). */
        RESPONSE,
        /** Some of the response arrived, then the connection ended (EOF or reset) before it was complete. */
        TRUNCATED,
        /** The server closed the connection (EOF) before any byte of a response. */
        CLOSED,
        /** The connection was reset before any byte of a response, or while the request was written. */
        RESET,
        /** Nothing listened: the connect was refused. */
        REFUSED,
        /** Connect or read took longer than the client's timeout. */
        TIMEOUT,
        /** Any other I/O failure. */
        ERROR
    }

    long latencyNanos() {
        return endNanos - startNanos;
    }

    boolean complete() {
        return kind == Kind.RESPONSE;
    }

    /** Sent in full strictly before {@code nanos} (such as the moment a signal went out). */
    boolean sentBefore(long nanos) {
        return sent && sentNanos - nanos < 0;
    }
}
