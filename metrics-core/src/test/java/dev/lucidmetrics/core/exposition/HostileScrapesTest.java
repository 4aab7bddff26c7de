package dev.lucidmetrics.core.exposition;

import dev.lucidmetrics.core.spi.ExpositionFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TestHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scrapes the fuzzer found (see {@link ScrapeRequestFuzzTest}), each answered instead of dropping the connection. */
@CompatibilityKit
class HostileScrapesTest {

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        MetricsHandler.builder(Fixtures.smallApp()).build().mount(server);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anAcceptEncodingItemOfOnlyParametersIsIgnoredNotACrash() {
        for (String acceptEncoding : List.of(";", "gzip, ;", ";;q=1", " ; ")) {
            HttpResponse<String> r = TestHttp.get(server.getAddress().getPort(), "/metrics",
                    "Accept-Encoding", acceptEncoding);
            assertEquals(200, r.statusCode(), acceptEncoding);
            assertEquals(acceptEncoding.contains("gzip"), r.headers().firstValue("Content-Encoding").isPresent(),
                    acceptEncoding);
        }
        assertFalse(ScrapeRequest.acceptsGzip(List.of(";")));
    }

    @Test
    void anAcceptItemOfOnlyParametersIsIgnoredNotACrash() {
        for (String accept : List.of(";", "application/openmetrics-text, ;", ";q=0.5")) {
            HttpResponse<String> r = TestHttp.get(server.getAddress().getPort(), "/metrics", "Accept", accept);
            assertEquals(200, r.statusCode(), accept);
            assertEquals(accept.contains("openmetrics") ? ExpositionFormat.OPENMETRICS.contentType()
                    : ExpositionFormat.TEXT.contentType(), r.headers().firstValue("Content-Type").orElse(""), accept);
        }
    }
}
