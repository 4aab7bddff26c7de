package dev.lucidmetrics.demo.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.RawHttp;
import dev.lucidmetrics.demo.support.StopInFlight;
import dev.lucidmetrics.testing.MetricValues;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    @Test
    void stopLetsAPostWhoseBodyIsStillArrivingFinish() throws Exception {
        AccessLogApp app = AccessLogApp.start(EnvConfig.of(Map.of("PORT", "0")), Clock.systemUTC(),
                Executors.newFixedThreadPool(2), new PrintStream(OutputStream.nullOutputStream()));
        String body = "{\"clientIp\": \"10.1.2.3\"}";
        try (RawHttp client = new RawHttp(app.server().port())) {
            client.send("POST /access-log HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body.substring(0, 5));
            MetricValues.of(app.metrics()).awaitValue(StopInFlight.HANG_GUARD, 1.0, "access_in_flight_requests");

            StopInFlight stopping = StopInFlight.begin("access-log", app.server().port(), app::stop);
            client.send(body.substring(5));
            assertEquals(201, client.read().status());
            stopping.awaitStopped();
        }
    }
}
