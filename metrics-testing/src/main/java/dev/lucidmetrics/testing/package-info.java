/**
 * The Lucid Metrics test kit, for an app's tests (add {@code dev.lucidmetrics:metrics-testing} in test scope):
 * {@link dev.lucidmetrics.testing.MetricValues} reads values, {@link dev.lucidmetrics.testing.MetricsAssertions}
 * checks names, {@link dev.lucidmetrics.testing.Promtool} runs Prometheus' linter, and
 * {@link dev.lucidmetrics.testing.Poll} waits with a deadline. Failures are {@link java.lang.AssertionError}s, so
 * the kit works with any test framework.
 */
package dev.lucidmetrics.testing;
