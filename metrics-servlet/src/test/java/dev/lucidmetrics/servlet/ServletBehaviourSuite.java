package dev.lucidmetrics.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What only a servlet container has, on top of the shared suite: requests in asynchronous mode. */
abstract class ServletBehaviourSuite extends HttpBehaviourSuite {

    /** The servlet of the running server, whose asynchronous endpoints the tests release. */
    abstract AppServlet servlet();

    @Test
    void anAsyncRequestIsInFlightUntilItCompletesOnAnotherThreadAndIsCountedOnceThen() throws Exception {
        start();
        CompletableFuture<HttpResponse<String>> answer = TestHttp.getAsync(uri("/async/complete"));
        assertTrue(servlet().asyncStarted.await(10, TimeUnit.SECONDS), "the async request never started");
        values.awaitValue(WAIT, 1.0, "shop_in_flight_requests");   // the filter has returned; still in flight
        assertEquals(0.0, values.sum(REQUESTS));
        servlet().asyncRelease.countDown();
        assertEquals(202, answer.get(10, TimeUnit.SECONDS).statusCode());
        awaitCount(1.0, "method", "GET", "route", "/async/{kind}", "code", "202");
        awaitInFlightZero();
        assertEquals(1.0, values.sum(REQUESTS));
    }

    @Test
    void anAsyncRequestThatTimesOutIsCountedOnceWithTheStatusTheClientGot() throws Exception {
        start();
        int status = send("GET", "/async/timeout").statusCode();
        awaitCount(1.0, "method", "GET", "route", "/async/{kind}", "code", Integer.toString(status));
        awaitInFlightZero();
        assertEquals(1.0, values.sum(REQUESTS));
        assertEquals(500, status, "the container's answer to a time-out nobody handled");
    }

    @Test
    void anAsyncRequestWhoseWorkFailsIsCountedOnceAs500WithItsException() throws Exception {
        start();
        int status = statusOf("POST", "/async/fail");
        assertTrue(status == 500 || status == -1, "a failed async request answered " + status);
        awaitCount(1.0, "method", "POST", "route", "/async/{kind}", "code", "500");
        assertEquals(1.0, values.get("shop_request_exceptions_total", "exception", "IllegalStateException"));
        awaitInFlightZero();
        assertEquals(1.0, values.sum(REQUESTS));
    }
}
