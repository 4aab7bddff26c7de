package dev.lucidmetrics.servlet;

import dev.lucidmetrics.core.http.HttpServerMetrics;

/** A server of the behaviour suite, started on a free loopback port with the app and its metrics. */
interface RunningServer extends AutoCloseable {

    /** Starts a server of one kind: the JDK's, Jetty, Tomcat. */
    @FunctionalInterface
    interface Kind {
        RunningServer start(HttpServerMetrics http, TestApp app) throws Exception;
    }

    int port();

    @Override
    void close() throws Exception;
}
