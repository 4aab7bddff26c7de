package dev.lucidmetrics.demo.iotd;

import dev.lucidmetrics.core.config.EnvConfig;
import java.io.UncheckedIOException;

/** Runs the image-of-the-day service: {@code PORT=8011 java -jar demo-iotd.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        IotdApp app;
        try {
            app = IotdApp.start(EnvConfig.fromSystem());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("iotd: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "iotd-shutdown"));
        System.out.println("iotd listening on " + app.server().uri("/image"));
        System.out.println("  images  " + app.publicBase() + "/images/{id}");
        System.out.println("  metrics " + app.server().uri(IotdApp.METRICS_PATH));
        System.out.println("  health  " + app.server().uri("/health"));
    }
}
