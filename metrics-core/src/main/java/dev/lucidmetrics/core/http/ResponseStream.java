package dev.lucidmetrics.core.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Wraps an exchange's response body (through {@code HttpExchange.setStreams}) to learn when the response is
 * complete, how many body bytes were written, and whether writing failed. The tracker hears of the last bytes
 * (the write that fills the declared length, or the close) BEFORE they are handed on, so it can record the
 * exchange before the client can have the whole response.
 */
final class ResponseStream extends OutputStream {

    private final OutputStream out;
    private final ExchangeTracker tracker;
    private boolean closing;

    ResponseStream(OutputStream out, ExchangeTracker tracker) {
        this.out = out;
        this.tracker = tracker;
    }

    @Override
    public void write(int b) throws IOException {
        tracker.aboutToFinish(1, false);
        try {
            out.write(b);
        } catch (IOException e) {
            tracker.writeFailed(1, false);
            throw e;
        }
        tracker.wrote(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        tracker.aboutToFinish(len, false);
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            tracker.writeFailed(len, false);
            throw e;
        }
        tracker.wrote(len);
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            tracker.writeFailed(0, false);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (closing) {
            // Re-entered: a fixed-length body closed short makes the JDK close the exchange, and so this stream,
            // from inside our own close, before it throws. Only the outer call may report the outcome.
            out.close();
            return;
        }
        closing = true;
        tracker.aboutToFinish(0, true);
        try {
            out.close();
        } catch (IOException e) {
            tracker.writeFailed(0, true);
            throw e;
        }
        tracker.responseClosed();
    }
}
