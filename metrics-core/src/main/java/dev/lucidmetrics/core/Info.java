package dev.lucidmetrics.core;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.spi.InfoSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Facts about the app as the labels of a gauge whose value is 1, such as
 * {@code image_gallery_build_info{version="1.4.0"}}; join it onto other series with
 * {@code * on(instance) group_left(version)}. Built by {@link AppMetrics#info(String)}, with facts known at start-up:
 * <pre>{@code
 * app.info("edition_info").help("The edition this app runs as.").label("edition", "community").register();
 * // image_gallery_edition_info{edition="community"} 1.0
 * }</pre>
 * or with label names declared once and the values set when they are known (and replaced when they change):
 * <pre>{@code
 * Info os = app.info("os_info").help("The OS the app runs on.").labelNames("name", "version").register();
 * os.set("Debian GNU/Linux", "12");
 * // image_gallery_os_info{name="Debian GNU/Linux",version="12"} 1.0
 * }</pre>
 */
public final class Info {

    private final String name;
    private final List<String> labelNames;
    private final String[] commonValues;
    private final InfoSeries series;
    private final boolean settable;

    private Info(Builder b) {
        this.name = b.name;
        this.labelNames = b.labelNames();
        this.commonValues = b.app.commonLabelValues();
        this.series = b.app.registry().info(b.spec());
        this.settable = !b.declared.isEmpty();
        if (!settable) {
            show(b.values.toArray(new String[0]));
        }
    }

    /** The full name, namespace included, such as {@code image_gallery_build_info}. */
    public String name() {
        return name;
    }

    /**
     * Sets the facts, one value per declared label name, replacing the ones set before: the info has one series.
     * Only for an info built with {@code labelNames(...)}.
     */
    public synchronized void set(String... values) {
        if (!settable) {
            throw new IllegalStateException("Info \"" + name + "\" has fixed labels from label(name, value): build it"
                    + " with labelNames(...) to set values at run time.");
        }
        if (values.length != labelNames.size() || Arrays.asList(values).contains(null)) {
            throw new IllegalArgumentException("Info \"" + name + "\" takes " + labelNames.size() + " non-null label"
                    + " values " + labelNames + " but got " + Arrays.toString(values) + ".");
        }
        show(values.clone());    // replaces the facts: never two series at once, which would break group_left joins
    }

    private void show(String[] values) {
        String[] all = Arrays.copyOf(commonValues, commonValues.length + values.length);
        System.arraycopy(values, 0, all, commonValues.length, values.length);
        series.set(all);
    }

    /** Builds an {@link Info}; the name must end in {@code _info}. */
    public static final class Builder extends MetricBuilder<Builder, Info> {
        private final List<String> fixed = new ArrayList<>();
        private final List<String> values = new ArrayList<>();
        private List<String> declared = List.of();

        Builder(AppMetrics app, String name) {
            super(app, name, MetricType.INFO);
        }

        /** Adds one fact known now: a label and its value. */
        public Builder label(String name, String value) {
            if (value == null) {
                throw new IllegalArgumentException("Value of label \"" + name + "\" of \"" + this.name
                        + "\" is null: pass a string such as \"unknown\".");
            }
            fixed.add(name);
            values.add(value);
            return this;
        }

        /** Declares the label names whose values {@link Info#set} gives at run time. */
        public Builder labelNames(String... labelNames) {
            this.declared = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(labelNames)));
            return this;
        }

        @Override
        List<String> labelNames() {
            return declared.isEmpty() ? fixed : declared;
        }

        @Override
        Info create() {
            if (!fixed.isEmpty() && !declared.isEmpty()) {
                throw new IllegalStateException("Info \"" + name + "\" has both label(name, value) facts " + fixed
                        + " and labelNames(...) " + declared + ": use one or the other.");
            }
            return new Info(this);
        }
    }
}
