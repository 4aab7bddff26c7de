package dev.lucidmetrics.demo.accesslog;

import dev.lucidmetrics.core.config.EnvConfig;
import java.io.UncheckedIOException;

/** Runs the access log: {@code PORT=8012 java -jar demo-accesslog.jar}; entries go to stdout as JSON lines. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        AccessLogApp app;
        try {
            app = AccessLogApp.start(EnvConfig.fromSystem());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("access-log: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "accesslog-shutdown"));
        System.err.println("access-log listening on " + app.server().uri("/access-log"));
        System.err.println("  stats   " + app.server().uri("/stats"));
        System.err.println("  metrics " + app.server().uri("/metrics"));
        System.err.println("  health  " + app.server().uri("/health"));
    }
}
