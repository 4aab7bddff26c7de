package dev.lucidmetrics.core.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Wraps an exchange's response body (through {@code HttpExchange.setStreams}) to learn when the response is
 * complete (the stream is closed), how many body bytes were written, and whether writing failed.
 */
final class ResponseStream extends OutputStream {

    private final OutputStream out;
    private final ExchangeTracker tracker;

    ResponseStream(OutputStream out, ExchangeTracker tracker) {
        this.out = out;
        this.tracker = tracker;
    }

    @Override
    public void write(int b) throws IOException {
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
        try {
            out.close();
        } catch (IOException e) {
            tracker.writeFailed(0, true);
            throw e;
        }
        tracker.responseClosed();
    }
}
