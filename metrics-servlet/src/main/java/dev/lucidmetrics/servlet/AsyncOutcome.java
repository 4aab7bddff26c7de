package dev.lucidmetrics.servlet;

import dev.lucidmetrics.core.http.RequestRecorder;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts a request that left the filter in asynchronous mode, once: a failure ({@code onError}, or an error dispatch
 * that left its exception on the request) as 500 with its exception; otherwise, when the response completes, under the
 * status sent — after a time-out the status the application or the container answered with. The request stays in
 * flight until then.
 */
final class AsyncOutcome implements AsyncListener {

    private final MetricsFilter filter;
    private final RequestRecorder.Request counted;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final CountingResponse body;

    AsyncOutcome(MetricsFilter filter, RequestRecorder.Request counted, HttpServletRequest request,
            HttpServletResponse response, CountingResponse body) {
        this.filter = filter;
        this.counted = counted;
        this.request = request;
        this.response = response;
        this.body = body;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        try {
            // Some containers (Jetty) answer a failed asynchronous dispatch with an error dispatch, not onError:
            // the exception is then the request's error attribute.
            if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error) {
                filter.prepare(counted, request).failed(unwrap(error), MetricsFilter.bytes(body));
            }
            filter.prepare(counted, request).completed(response.getStatus(), MetricsFilter.bytes(body));
        } finally {
            counted.close();
        }
    }

    @Override
    public void onError(AsyncEvent event) {
        Throwable error = event.getThrowable();
        if (error != null) {
            filter.prepare(counted, request).failed(unwrap(error), MetricsFilter.bytes(body));
        }
    }

    /**
     * The application's exception inside the wrappers a container puts around it: a {@code ServletException}
     * (Jetty, Tomcat) and, in Tomcat's asynchronous dispatch, a bare {@code RuntimeException} around that.
     */
    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (true) {
            if (cause instanceof ServletException wrapped && wrapped.getRootCause() != null) {
                cause = wrapped.getRootCause();
            } else if (cause.getClass() == RuntimeException.class && cause.getCause() != null) {
                cause = cause.getCause();
            } else {
                return cause;
            }
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // counted when the response completes, with the status the timeout ended in
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);   // startAsync again: keep listening to the new cycle
    }
}
