package dev.lucidmetrics.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TextSamples;
import java.util.Map;
import dev.lucidmetrics.core.support.KitBackend;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Batch runs against a recording Pushgateway stub. */
@CompatibilityKit
class BatchJobTest {

    private static final Instant START = Instant.ofEpochMilli(1_000_000);
    private static final Instant END = Instant.ofEpochMilli(1_012_500);

    private static BatchJob.Builder job(URI gateway) {
        return BatchJob.builder("nightly_export").pushgateway(gateway).groupingKey("shard", "eu")
                .clock(new TestClock(START, END));
    }

    @Test
    void theSettingsGiveTheVersionAndTheBackendAndAnExplicitVersionWins() {
        MetricsConfig settings = MetricsConfig.from(EnvConfig.of(Map.of("APP_VERSION", "3.1.0", "METRICS_BACKEND",
                KitBackend.name())));
        try (StubGateway gateway = new StubGateway(200)) {
            job(gateway.uri()).config(settings).build().run(run -> run.recordsProcessed(1));
            job(gateway.uri()).config(settings).version("4.0.0").build().run(run -> run.recordsProcessed(1));
            assertTrue(TextSamples.lines(gateway.requests.get(0).body(), "nightly_export_build_info{").get(0)
                    .contains("version=\"3.1.0\""), gateway.requests.get(0).body());
            assertTrue(TextSamples.lines(gateway.requests.get(1).body(), "nightly_export_build_info{").get(0)
                    .contains("version=\"4.0.0\""), gateway.requests.get(1).body());
        }
        MetricsConfig elsewhere = MetricsConfig.from(EnvConfig.of(Map.of("METRICS_BACKEND", "nope")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> job(URI.create("http://127.0.0.1:1")).config(elsewhere).build().run(run -> { }));
        assertTrue(e.getMessage().startsWith("METRICS_BACKEND=\"nope\": "), e.getMessage());
    }

    @Test
    void aSuccessfulRunPushesDurationSuccessTimeAndRecordsOnceWithPost() {
        try (StubGateway gateway = new StubGateway(200)) {
            job(gateway.uri()).build().run(run -> run.recordsProcessed(1042));
            assertEquals(1, gateway.requests.size(), "one push per run");
            StubGateway.Request push = gateway.requests.get(0);
            assertEquals("POST", push.method(), "pushAdd keeps the other metrics of the group");
            assertEquals("/metrics/job/nightly_export/shard/eu", push.path());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", push.contentType());
            assertTrue(push.body().contains("\nnightly_export_duration_seconds 12.5\n"), push.body());
            assertTrue(push.body().contains("\nnightly_export_last_success_timestamp_seconds 1012.5\n"), push.body());
            assertTrue(push.body().contains("\nnightly_export_records_processed 1042.0\n"), push.body());
            assertFalse(push.body().contains("last_failure"), push.body());
        }
    }

    @Test
    void aFailedRunPushesItsFailureTimeThenRethrowsTheSameException() {
        IOException diskFull = new IOException("disk full");
        try (StubGateway gateway = new StubGateway(200)) {
            IOException thrown = assertThrows(IOException.class, () -> job(gateway.uri()).build().run(run -> {
                run.addRecordsProcessed(10);
                throw diskFull;
            }));
            assertSame(diskFull, thrown);
            assertEquals(1, gateway.requests.size());
            String body = gateway.requests.get(0).body();
            assertTrue(body.contains("\nnightly_export_last_failure_timestamp_seconds 1012.5\n"), body);
            assertTrue(body.contains("\nnightly_export_records_processed 10.0\n"), body);
            assertFalse(body.contains("last_success"), "a failure must not move the success time: " + body);
        }
    }

    @Test
    void metricsOfTheRunItselfArePushedToo() {
        try (StubGateway gateway = new StubGateway(200)) {
            job(gateway.uri()).version("2.0.0").build().run(run -> run.metrics().gauge("files_written")
                    .help("Files the export wrote.").register().set(3));
            String body = gateway.requests.get(0).body();
            assertTrue(body.contains("\nnightly_export_files_written 3.0\n"), body);
            assertTrue(TextSamples.lines(body, "nightly_export_build_info{").get(0).contains("version=\"2.0.0\""), body);
        }
    }

    @Test
    void aGatewayThatIsDownIsNamedInTheError() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        URI down = URI.create("http://127.0.0.1:" + closedPort);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> job(down).build().run(run -> run.recordsProcessed(1)));
        assertEquals("Could not push the metrics of batch job \"nightly_export\" to the Pushgateway at " + down
                + " (ConnectException: Connection refused): check that it runs and that the URL is right.",
                e.getMessage());
    }

    @Test
    void aRefusedPushIsSuppressedUnderTheJobsOwnFailure() {
        try (StubGateway gateway = new StubGateway(500)) {
            IllegalStateException jobFailure = assertThrows(IllegalStateException.class,
                    () -> job(gateway.uri()).build().run(run -> {
                        throw new IllegalStateException("bad input file");
                    }));
            assertEquals("bad input file", jobFailure.getMessage());
            assertEquals(1, jobFailure.getSuppressed().length);
            String pushFailure = jobFailure.getSuppressed()[0].getMessage();
            assertTrue(pushFailure.startsWith("Could not push the metrics of batch job \"nightly_export\" to the"
                    + " Pushgateway at " + gateway.uri() + " (IOException: Response code from " + gateway.uri()
                    + "/metrics/job/nightly_export/shard/eu was 500"), pushFailure);
        }
    }

    @Test
    void builderRejectsBadSettingsQuotingThem() {
        assertEquals("Batch job \"nightly_export\" has no Pushgateway: call"
                + " pushgateway(URI.create(\"http://pushgateway:9091\")) before build().",
                assertThrows(IllegalStateException.class, () -> BatchJob.builder("nightly_export").build())
                        .getMessage());
        assertEquals("Pushgateway URL \"pushgateway:9091\" is not valid: use an absolute http(s) URL without query,"
                + " such as http://pushgateway:9091.", assertThrows(IllegalArgumentException.class,
                        () -> BatchJob.builder("nightly_export").pushgateway(URI.create("pushgateway:9091")))
                        .getMessage());
        assertEquals("Grouping key label \"job\" is illegal: use a snake_case label name such as \"instance\" (not"
                + " \"job\", which is the job name).", assertThrows(IllegalArgumentException.class,
                        () -> BatchJob.builder("nightly_export").groupingKey("job", "x")).getMessage());
        assertEquals("Namespace \"NightlyExport\" is not snake_case (lower-case letters, digits and single"
                + " underscores, starting with a letter): rename it to \"nightly_export\".", assertThrows(IllegalArgumentException.class,
                        () -> BatchJob.builder("NightlyExport")).getMessage());
        assertEquals("Records processed -1 is negative for batch job \"nightly_export\": pass a count of 0 or more.",
                assertThrows(IllegalArgumentException.class, () -> {
                    try (StubGateway gateway = new StubGateway(200)) {
                        job(gateway.uri()).build().run(run -> run.recordsProcessed(-1));
                    }
                }).getMessage());
    }
}
