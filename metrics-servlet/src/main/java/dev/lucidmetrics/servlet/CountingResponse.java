package dev.lucidmetrics.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The response the filter hands down when the response size is recorded: counts the body bytes written through
 * the output stream, and the encoded bytes of what is written through the writer, passing everything straight to
 * the container's own stream and writer (nothing is buffered here, so nothing needs flushing).
 */
final class CountingResponse extends HttpServletResponseWrapper {

    private final AtomicLong bytes = new AtomicLong();
    private ServletOutputStream stream;
    private PrintWriter writer;

    CountingResponse(HttpServletResponse response) {
        super(response);
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public synchronized ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new CountingStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public synchronized PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new CountingWriter(super.getWriter(),
                    Charset.forName(getCharacterEncoding())), false);
        }
        return writer;
    }

    private final class CountingStream extends ServletOutputStream {
        private final ServletOutputStream out;

        CountingStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes.addAndGet(len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }

    private final class CountingWriter extends Writer {
        private final PrintWriter out;
        private final Charset charset;

        CountingWriter(PrintWriter out, Charset charset) {
            this.out = out;
            this.charset = charset;
        }

        @Override
        public void write(char[] chars, int off, int len) {
            out.write(chars, off, len);
            bytes.addAndGet(new String(chars, off, len).getBytes(charset).length);
        }

        @Override
        public void write(String text, int off, int len) {
            out.write(text, off, len);
            bytes.addAndGet(text.substring(off, off + len).getBytes(charset).length);
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.close();
        }
    }
}
