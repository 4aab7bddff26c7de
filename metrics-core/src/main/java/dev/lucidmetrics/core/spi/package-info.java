/**
 * The service-provider interface between the Lucid Metrics API and a Prometheus client line: <b>for backend
 * implementations only</b>, not for applications, and it may change in any minor release. A backend artifact
 * ({@code metrics-simpleclient}, {@code metrics-client-java}) implements {@link dev.lucidmetrics.core.spi.Backend}
 * and lists it in {@code META-INF/services/dev.lucidmetrics.core.spi.Backend}; {@code AppMetrics} finds it there.
 * What the API decides — names and their rules, labels and the cap on their combinations, which format a scrape
 * gets, which families it selects, every message — stays in metrics-core and is written once; a backend stores
 * series, exposes them in its client's formats, and collects JVM metrics and pushes with its client's code.
 * A resolved series ({@code labels(...)}) calls its backend's storage directly: nothing is looked up per call.
 */
package dev.lucidmetrics.core.spi;
