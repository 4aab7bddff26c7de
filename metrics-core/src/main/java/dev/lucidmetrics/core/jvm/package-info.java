/** JVM and process metrics from simpleclient_hotspot, registered once per app. */
package dev.lucidmetrics.core.jvm;
