package dev.lucidmetrics.servlet;

/** The behaviour suite on Jetty 12 (ee10) with {@link MetricsFilter}. */
class JettyBehaviourTest extends ServletBehaviourSuite {

    @Override
    RunningServer.Kind kind() {
        return JettyServer::new;
    }

    @Override
    AppServlet servlet() {
        return ((JettyServer) server).servlet;
    }
}
