package dev.lucidmetrics.demo.gallery;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.demo.support.Logs;
import java.io.UncheckedIOException;

/** Runs the image gallery: {@code PORT=8010 IMAGE_API_URL=... ACCESS_API_URL=... java -jar demo-gallery.jar}. */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        GalleryApp app;
        try {
            EnvConfig env = EnvConfig.fromSystem();
            Logs.configure(env);
            app = GalleryApp.start(env);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            LOG.log(ERROR, "image-gallery cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "gallery-shutdown"));
        LOG.log(INFO, "image-gallery listening on " + app.server().uri("/") + " (metrics "
                + app.server().metricsUrl() + ", health " + app.server().healthUrl() + ")");
    }

}
