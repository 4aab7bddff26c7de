package dev.lucidmetrics.servlet;

/** The behaviour suite on embedded Tomcat 11 with {@link MetricsFilter}. */
class TomcatBehaviourTest extends ServletBehaviourSuite {

    @Override
    RunningServer.Kind kind() {
        return TomcatServer::new;
    }

    @Override
    AppServlet servlet() {
        return ((TomcatServer) server).servlet;
    }
}
