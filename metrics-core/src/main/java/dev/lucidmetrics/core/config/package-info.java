/**
 * Settings: {@link dev.lucidmetrics.core.config.MetricsConfig} (how an app exposes its metrics, each setting set
 * or unset, from the environment or built in code) and {@link dev.lucidmetrics.core.config.EnvConfig} (typed
 * environment variables that fail at start-up with a message naming the variable). Plain values: this package
 * imports only {@code internal}, and no builder of the library reads the environment behind the app's back.
 */
package dev.lucidmetrics.core.config;
