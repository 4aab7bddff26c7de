package dev.lucidmetrics.demo.iotd;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.demo.support.Logs;
import java.io.UncheckedIOException;

/** Runs the image-of-the-day service: {@code PORT=8011 java -jar demo-iotd.jar}. */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        IotdApp app;
        try {
            EnvConfig env = EnvConfig.fromSystem();
            Logs.configure(env);
            app = IotdApp.start(env);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            LOG.log(ERROR, "iotd cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "iotd-shutdown"));
        LOG.log(INFO, "iotd listening on " + app.server().uri("/image") + " (images " + app.publicBase()
                + "/images/{id}, metrics " + app.server().metricsUrl() + ", health "
                + app.server().healthUrl() + ")");
    }
}
