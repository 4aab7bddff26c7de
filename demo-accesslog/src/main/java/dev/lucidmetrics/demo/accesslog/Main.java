package dev.lucidmetrics.demo.accesslog;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.demo.support.Logs;
import java.io.UncheckedIOException;

/**
 * Runs the access log: {@code PORT=8012 java -jar demo-accesslog.jar}; each visit is a JSON line on stdout, the
 * log lines go to stderr.
 */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        AccessLogApp app;
        try {
            EnvConfig env = EnvConfig.fromSystem();
            Logs.configure(env);
            app = AccessLogApp.start(env);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            LOG.log(ERROR, "access-log cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "accesslog-shutdown"));
        LOG.log(INFO, "access-log listening on " + app.server().uri("/access-log") + " (stats "
                + app.server().uri("/stats") + ", metrics " + app.server().metricsUrl() + ", health "
                + app.server().healthUrl() + ")");
    }
}
