/**
 * Settings read from the environment: {@link dev.lucidmetrics.core.config.EnvConfig} (typed variables that fail
 * at startup with a message naming the variable) and {@link dev.lucidmetrics.core.config.MetricsConfig} (how an app
 * exposes its metrics). Plain values at the bottom of the library: this package imports no other package of it.
 */
package dev.lucidmetrics.core.config;
