package dev.lucidmetrics.servlet;

/** The behaviour suite on the JDK's {@code com.sun.net.httpserver}, with the library's own filter. */
class JdkServerBehaviourTest extends HttpBehaviourSuite {

    @Override
    RunningServer.Kind kind() {
        return JdkServer::new;
    }
}
