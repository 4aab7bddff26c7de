package dev.lucidmetrics.servlet;

import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.http.RequestRecorder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The standard request metrics for a Jakarta Servlet container, as a {@link Filter}: the families, route templates,
 * sentinels, route cap and failure codes of the JDK server's filter, recorded by the same
 * {@link RequestRecorder}.
 * <pre>{@code
 * HttpServerMetrics http = HttpServerMetrics.builder(app).routes("/orders/{id}").register();
 * context.addFilter(new FilterHolder(MetricsFilter.of(http)), "/*", EnumSet.of(DispatcherType.REQUEST));  // Jetty
 * // shop_requests_total{method="GET",route="/orders/{id}",code="200"} 1.0
 * }</pre>
 * Each request is counted once, when its response is complete: when the chain returns, or for a request put in
 * asynchronous mode ({@code startAsync}) when it completes, times out or fails. The route is the template a
 * framework set as the request attribute {@link HttpServerMetrics#ROUTE_ATTRIBUTE}, else the declared template
 * the path inside the web application matches, else a sentinel ({@code NOT_FOUND}, {@code UNMATCHED}); with no
 * templates declared, the servlet mapping that served it ({@code "/api/*"}). An exception thrown by the chain is
 * counted as 500 and rethrown unchanged. See docs/instrumentations.md.
 */
public final class MetricsFilter implements Filter {

    /** Marks a request already counted, so that a filter mapped twice counts it once. */
    static final String COUNTED = MetricsFilter.class.getName() + ".counted";

    private final RequestRecorder recorder;

    private MetricsFilter(RequestRecorder recorder) {
        this.recorder = recorder;
    }

    /** The filter that records requests with {@code http}'s families; one instance can serve every context. */
    public static MetricsFilter of(HttpServerMetrics http) {
        if (http == null) {
            throw new IllegalArgumentException("http is null: pass the HttpServerMetrics registered for the app,"
                    + " HttpServerMetrics.builder(app).routes(...).register().");
        }
        return new MetricsFilter(http.recorder());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || request.getDispatcherType() != DispatcherType.REQUEST || request.getAttribute(COUNTED) != null) {
            chain.doFilter(req, res);   // forwards, includes, error and async dispatches belong to their request
            return;
        }
        String path = pathInApp(request);
        if (recorder.excludes(path)) {
            chain.doFilter(req, res);
            return;
        }
        request.setAttribute(COUNTED, Boolean.TRUE);
        RequestRecorder.Request counted = recorder.start(request.getMethod(), path);
        CountingResponse body = recorder.recordsResponseSize() ? new CountingResponse(response) : null;
        boolean async = false;
        try {
            chain.doFilter(request, body == null ? response : body);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AsyncOutcome(this, counted, request, response, body));
                async = true;
            } else {
                prepare(counted, request).completed(response.getStatus(), bytes(body));
            }
        } catch (IOException | ServletException | RuntimeException | Error e) {
            prepare(counted, request).failed(e, bytes(body));
            throw e;
        } finally {
            if (!async) {
                counted.close();
            }
        }
    }

    /** The request with what the framework and the container left on it: its route and the fallback route. */
    RequestRecorder.Request prepare(RequestRecorder.Request counted, HttpServletRequest request) {
        Object routed = request.getAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE);
        return counted.route(routed instanceof String template ? template : null).fallbackRoute(mapping(request));
    }

    static long bytes(CountingResponse body) {
        return body == null ? 0 : body.bytes();
    }

    /** The path the templates match: inside the web application, without its context path; decoded. */
    private static String pathInApp(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** The servlet mapping that served the request, such as {@code "/api/*"} (bounded by the deployment). */
    private static String mapping(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        String pattern = mapping == null ? null : mapping.getPattern();
        return pattern == null || pattern.isEmpty() ? "/" : pattern;
    }
}
