package dev.lucidmetrics.demo.gallery;

import dev.lucidmetrics.core.config.EnvConfig;
import java.io.UncheckedIOException;

/** Runs the image gallery: {@code PORT=8010 IMAGE_API_URL=... ACCESS_API_URL=... java -jar demo-gallery.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        GalleryApp app;
        try {
            app = GalleryApp.start(EnvConfig.fromSystem());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("image-gallery: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "gallery-shutdown"));
        System.out.println("image-gallery listening on " + app.server().uri("/"));
        System.out.println("  metrics " + app.server().uri("/metrics"));
        System.out.println("  health  " + app.server().uri("/health"));
    }
}
