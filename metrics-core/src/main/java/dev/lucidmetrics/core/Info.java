package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.MetricType;
import java.util.ArrayList;
import java.util.List;

/**
 * Facts about the app as labels of a gauge whose value is 1, such as {@code image_gallery_build_info{version="1.4.0"}}.
 * Join it onto other series with {@code * on(instance) group_left(version)}. Built by {@link AppMetrics#info(String)}:
 * <pre>{@code
 * app.info("edition_info").help("The edition this app runs as.").label("edition", "community").register();
 * // image_gallery_edition_info{edition="community"} 1.0
 * }</pre>
 */
public final class Info {

    private final String name;

    private Info(Builder b) {
        this.name = b.name;
        io.prometheus.client.Gauge gauge = io.prometheus.client.Gauge.build().name(b.name).help(b.help)
                .labelNames(b.allLabelNames()).register(b.app.collectorRegistry());
        List<String> values = new ArrayList<>(List.of(b.app.commonLabelValues()));
        values.addAll(b.values);
        gauge.labels(values.toArray(new String[0])).set(1);
    }

    /** The full name, namespace included, such as {@code image_gallery_build_info}. */
    public String name() {
        return name;
    }

    /** Builds an {@link Info}; the name must end in {@code _info}. Each label comes with its value. */
    public static final class Builder extends MetricBuilder<Builder, Info> {
        private final List<String> names = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        Builder(AppMetrics app, String name) {
            super(app, name, MetricType.INFO);
        }

        /** Adds one fact: a label and its value. */
        public Builder label(String name, String value) {
            if (value == null) {
                throw new IllegalArgumentException("Value of label \"" + name + "\" of \"" + this.name
                        + "\" is null: pass a string such as \"unknown\".");
            }
            names.add(name);
            values.add(value);
            return this;
        }

        @Override
        List<String> labelNames() {
            return names;
        }

        @Override
        Info create() {
            return new Info(this);
        }
    }
}
