package dev.lucidmetrics.servlet;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one app every server of the behaviour suite hosts, written once against {@link Call}, which each server's
 * adapter implements: the JDK's {@code HttpExchange}, a servlet's request and response.
 */
final class TestApp {

    /** Templates the suite declares; every other path is matched by a framework's route or not at all. */
    static final String[] ROUTES = {"/orders/{id}", "/boom", "/slow", "/async/{kind}"};

    /** One request as the app sees it. */
    interface Call {
        String path();

        /** Hands the matched template over as a framework does, through the route attribute. */
        void route(String template);

        void respond(int status, String body) throws IOException;
    }

    final CountDownLatch slowStarted = new CountDownLatch(1);
    final CountDownLatch slowRelease = new CountDownLatch(1);

    void handle(Call call) throws IOException, InterruptedException {
        String path = call.path();
        if (path.startsWith("/orders/")) {
            call.respond(200, "order " + path.substring("/orders/".length()).replace("/", ""));
        } else if (path.startsWith("/framework/")) {
            call.route("/framework/{slug}");
            call.respond(200, "framework");
        } else if (path.startsWith("/dynamic/")) {
            call.route(path);   // a framework with many templates: each path its own, for the cap
            call.respond(200, "dynamic");
        } else if (path.equals("/boom")) {
            throw new IllegalStateException("database on fire");
        } else if (path.equals("/teapot")) {
            call.respond(418, "teapot");
        } else if (path.equals("/metrics")) {
            call.respond(200, "scrape");
        } else if (path.equals("/slow")) {
            slowStarted.countDown();
            if (!slowRelease.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released /slow");
            }
            call.respond(200, "slow");
        } else {
            call.respond(404, "not found");
        }
    }
}
