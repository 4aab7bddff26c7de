package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.model.FamilySnapshot;
import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
import dev.lucidmetrics.core.spi.ExpositionFormat;
import dev.lucidmetrics.core.spi.ScrapeOptions;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** client_java's snapshots as the API sees them: selected and written for a scrape, or read into our model. */
final class Snapshots {

    private Snapshots() {
    }

    /**
     * Writes the families {@code options} selects with client_java's writer for {@code format}, sorted by name, one
     * family at a time so that a family with no series yet keeps its HELP and TYPE ({@link EmptyFamilies}).
     * client_java is first asked only for families whose name may be selected, so that collectors of families not
     * asked for do no work.
     */
    static void write(PrometheusRegistry registry, ExpositionFormat format, ScrapeOptions options, OutputStream out)
            throws IOException {
        List<MetricSnapshot> selected = new ArrayList<>();
        for (MetricSnapshot s : registry.scrape(name -> options.includes(name, MetricType.UNKNOWN))) {
            if (options.includes(s.getMetadata().getPrometheusName(), typeOf(s))) {
                selected.add(s);
            }
        }
        if (format == ExpositionFormat.PROTOBUF) {
            writeProtobuf(selected, out);
            return;
        }
        ExpositionFormatWriter writer = writer(format, options.createdSeries());
        byte[] eof = "# EOF\n".getBytes(StandardCharsets.US_ASCII);
        for (MetricSnapshot s : new MetricSnapshots(selected)) {   // sorted by name
            if (s.getDataPoints().isEmpty()) {
                out.write(EmptyFamilies.metadata(s, typeOf(s), format));
                continue;
            }
            ByteArrayOutputStream family = new ByteArrayOutputStream();
            writer.write(family, MetricSnapshots.of(s), EscapingScheme.UNDERSCORE_ESCAPING);
            byte[] bytes = family.toByteArray();
            int end = format == ExpositionFormat.OPENMETRICS ? bytes.length - eof.length : bytes.length;
            out.write(bytes, 0, end);   // OpenMetrics: one "# EOF" for the whole scrape, below
        }
        if (format == ExpositionFormat.OPENMETRICS) {
            out.write(eof);
        }
    }

    /**
     * The protobuf format with client_java's writer: the families that have series (a family without any has no
     * metric to send, and the format carries no HELP of its own). No {@code _created} choice to make: client_java
     * sends the created time as a field of the counter, histogram or summary, never as a series of its own.
     */
    private static void writeProtobuf(List<MetricSnapshot> selected, OutputStream out) throws IOException {
        List<MetricSnapshot> withSeries = new ArrayList<>();
        for (MetricSnapshot s : selected) {
            if (!s.getDataPoints().isEmpty()) {
                withSeries.add(s);
            }
        }
        new PrometheusProtobufWriter().write(out, new MetricSnapshots(withSeries), EscapingScheme.UNDERSCORE_ESCAPING);
    }

    /** Every family of {@code registry}, with the name each is queried by and the samples each exposes. */
    static dev.lucidmetrics.core.model.MetricSnapshots read(PrometheusRegistry registry) {
        List<FamilySnapshot> families = new ArrayList<>();
        for (MetricSnapshot s : registry.scrape()) {
            MetricType type = typeOf(s);
            String name = s.getMetadata().getPrometheusName();
            families.add(new FamilySnapshot(MetricNames.queriedName(name, type), type, s.getMetadata().getHelp(),
                    Samples.of(name, s)));
        }
        return dev.lucidmetrics.core.model.MetricSnapshots.of(families);
    }

    /** client_java's snapshot type as ours. */
    static MetricType typeOf(MetricSnapshot snapshot) {
        if (snapshot instanceof CounterSnapshot) {
            return MetricType.COUNTER;
        } else if (snapshot instanceof GaugeSnapshot) {
            return MetricType.GAUGE;
        } else if (snapshot instanceof HistogramSnapshot h && !h.isGaugeHistogram()) {
            return MetricType.HISTOGRAM;
        } else if (snapshot instanceof SummarySnapshot) {
            return MetricType.SUMMARY;
        } else if (snapshot instanceof InfoSnapshot) {
            return MetricType.INFO;
        }
        return MetricType.UNKNOWN;
    }

    private static ExpositionFormatWriter writer(ExpositionFormat format, boolean created) {
        return format == ExpositionFormat.OPENMETRICS
                ? OpenMetricsTextFormatWriter.builder().setCreatedTimestampsEnabled(created).build()
                : PrometheusTextFormatWriter.builder().setIncludeCreatedTimestamps(created).build();
    }
}
