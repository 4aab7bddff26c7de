package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.model.MetricType;
import java.util.function.DoubleSupplier;

/**
 * What the counter and gauge builders add: registering the metric as a {@link Callback}, whose values are read
 * from the application at each scrape instead of being recorded into it.
 *
 * @param <B> the concrete builder
 * @param <M> the metric {@code register()} returns
 */
abstract class CallbackBuilder<B extends CallbackBuilder<B, M>, M> extends LabelledBuilder<B, M> {

    CallbackBuilder(AppMetrics app, String name, MetricType type) {
        super(app, name, type);
    }

    /**
     * Registers a callback metric instead of a recorded one: its value is read from {@code value} at each scrape,
     * such as {@code registerCallback(queue::size)}. Only without label names. A counter's values must only go up
     * (a negative or NaN value is left out of that scrape). See {@link Callback}.
     */
    public Callback registerCallback(DoubleSupplier value) {
        Checks.notNull("value", value, "pass the supplier of the value, such as queue::size");
        if (!labelNames.isEmpty()) {
            throw new IllegalArgumentException("\"" + name + "\" has label names " + labelNames + ": register a"
                    + " Callback.Reporter that reports each series with its label values instead of one value.");
        }
        return registerCallback((Callback.Reporter) series -> series.report(value.getAsDouble()));
    }

    /**
     * Registers a labelled callback metric: at each scrape {@code reporter} reports every series with its label
     * values. A counter's values must only go up. See {@link Callback}.
     */
    public Callback registerCallback(Callback.Reporter reporter) {
        Checks.notNull("reporter", reporter, "pass a Callback.Reporter such as series -> series.report(v, \"x\")");
        checkNames();
        return app.registerOnce(this, (Registrations.CallbackRegistration) () -> {
            app.registry().callback(spec(), new CallbackReports(this, reporter));
            return new Callback(name);
        });
    }
}
