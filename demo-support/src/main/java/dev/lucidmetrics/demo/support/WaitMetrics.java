package dev.lucidmetrics.demo.support;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.executor.ExecutorMetrics;
import dev.lucidmetrics.core.logging.LogEventMetrics;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * Where a demo's requests wait, and what it logs, as metrics of its app: the server's executor (requests waiting
 * for a thread: {@code <ns>_executor_queued_tasks{executor="http"}} and the rest of {@link ExecutorMetrics}), the
 * queue of the {@code HTTP_THREADS} turns ({@code <ns>_http_turn_waiting_requests}) and the log events by level
 * ({@code <ns>_log_events_total{level}}, through a handler on java.util.logging's root logger, which
 * {@link #close()} removes). A {@link DemoServer} registers them for its instrumented app.
 */
final class WaitMetrics implements AutoCloseable {

    private final Handler logEvents;

    private WaitMetrics(Handler logEvents) {
        this.logEvents = logEvents;
    }

    /**
     * Registers them for {@code app}: {@code executor} when it is a thread pool (not one virtual thread per
     * request), {@code turns} when there are any (null: none, as with virtual threads).
     */
    static WaitMetrics register(AppMetrics app, ExecutorService executor, HttpThreads.Turns turns) {
        if (executor instanceof ThreadPoolExecutor pool) {
            ExecutorMetrics.of(app).monitor("http", pool);
        }
        if (turns != null) {
            app.gauge("http_turn_waiting_requests").help("Requests waiting for one of the HTTP_THREADS turns to"
                    + " run the app's routes.").registerCallback(turns::waiting);
        }
        return new WaitMetrics(LogEventMetrics.of(app).installOnRootLogger());
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(logEvents);
    }
}
