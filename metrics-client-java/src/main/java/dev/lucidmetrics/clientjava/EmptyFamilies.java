package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.spi.ExpositionFormat;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.nio.charset.StandardCharsets;

/**
 * The HELP and TYPE lines of a family with no series yet, which client_java's writers leave out: a labelled metric
 * registered before its first series is in the scrape by name, as on the simpleclient backend, so that dashboards
 * and catalogues built from scrapes know it before the first error. The lines follow each format's rules: the text
 * format names a counter {@code x_total} and an info {@code x_info} (typed gauge); OpenMetrics names the family and
 * escapes quotes in the help too.
 */
final class EmptyFamilies {

    private EmptyFamilies() {
    }

    static byte[] metadata(MetricSnapshot snapshot, MetricType type, ExpositionFormat format) {
        String name = snapshot.getMetadata().getPrometheusName();
        String help = snapshot.getMetadata().getHelp() == null ? "" : snapshot.getMetadata().getHelp();
        String escaped = help.replace("\\", "\\\\").replace("\n", "\\n");
        String lines;
        if (format == ExpositionFormat.OPENMETRICS) {
            lines = "# TYPE " + name + " " + openMetricsType(type) + "\n# HELP " + name + " "
                    + escaped.replace("\"", "\\\"") + "\n";
        } else {
            String exposed = type == MetricType.COUNTER ? name + "_total" : type == MetricType.INFO ? name + "_info"
                    : name;
            lines = "# HELP " + exposed + " " + escaped + "\n# TYPE " + exposed + " " + textType(type) + "\n";
        }
        return lines.getBytes(StandardCharsets.UTF_8);
    }

    private static String openMetricsType(MetricType type) {
        return type == MetricType.UNKNOWN ? "unknown" : type.name().toLowerCase();
    }

    private static String textType(MetricType type) {
        return switch (type) {
            case INFO -> "gauge";
            case UNKNOWN -> "untyped";
            default -> type.name().toLowerCase();
        };
    }
}
