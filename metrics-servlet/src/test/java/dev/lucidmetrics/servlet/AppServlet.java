package dev.lucidmetrics.servlet;

import dev.lucidmetrics.core.http.HttpServerMetrics;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The suite's app as a servlet, for Jetty and Tomcat (every method, so that {@code BREW} reaches it too), plus the
 * asynchronous endpoints only a servlet container has:
 * {@code /async/complete} (completed from another thread once the test releases it), {@code /async/timeout} (never
 * completed: the container's time-out ends it) and {@code /async/fail} (dispatched to a servlet path that throws).
 */
final class AppServlet extends HttpServlet {

    final CountDownLatch asyncRelease = new CountDownLatch(1);
    final CountDownLatch asyncStarted = new CountDownLatch(1);
    private final transient TestApp app;

    AppServlet(TestApp app) {
        this.app = app;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo() == null ? request.getServletPath() : request.getPathInfo();
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ASYNC && path.equals("/async/fail")) {
            throw new IllegalStateException("async work failed");
        }
        switch (path) {
            case "/async/complete" -> {
                AsyncContext async = request.startAsync();
                asyncStarted.countDown();
                new Thread(() -> {
                    try {
                        if (asyncRelease.await(20, TimeUnit.SECONDS)) {
                            response.setStatus(202);
                            response.getOutputStream().write("accepted".getBytes(StandardCharsets.UTF_8));
                        }
                    } catch (InterruptedException | IOException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        async.complete();
                    }
                }).start();
            }
            case "/async/timeout" -> request.startAsync().setTimeout(300);
            case "/async/fail" -> request.startAsync().dispatch();
            default -> handle(request, response, path);
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        try {
            app.handle(new TestApp.Call() {
                @Override
                public String path() {
                    return path;
                }

                @Override
                public void route(String template) {
                    request.setAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE, template);
                }

                @Override
                public void respond(int status, String body) throws IOException {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    response.setStatus(status);
                    response.setContentLength(bytes.length);
                    response.getOutputStream().write(bytes);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
