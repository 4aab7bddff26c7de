package dev.lucidmetrics.demo.accesslog;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidmetrics.core.batch.BatchJob;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.demo.support.DemoMetricsConfig;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.demo.support.Settings;
import dev.lucidmetrics.demo.support.Logs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A one-shot batch job for the compose stack's {@code full} profile: reads the access log's {@code GET /stats}
 * and pushes the standard batch metrics to the Pushgateway under job {@code access_log_snapshot}
 * ({@code access_log_snapshot_last_success_timestamp_seconds}, {@code _duration_seconds},
 * {@code _records_processed} = the log count it saw). Exit status 0 on success, 1 when the job or the push failed,
 * 2 for a bad setting. Its lines follow {@code LOG_FORMAT} like the apps'.
 * <pre>
 * STATS_URL=http://accesslog:8012/stats PUSHGATEWAY_URL=http://pushgateway:9091 \
 *   java -cp demo-accesslog.jar dev.lucidmetrics.demo.accesslog.StatsSnapshotJob
 * </pre>
 */
public final class StatsSnapshotJob {

    static final String JOB = "access_log_snapshot";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(StatsSnapshotJob.class.getName());

    private StatsSnapshotJob() {
    }

    public static void main(String[] args) {
        URI stats;
        URI gateway;
        MetricsConfig metricsConfig;
        try {
            EnvConfig env = EnvConfig.fromSystem();
            Logs.configure(env);
            stats = Settings.httpUrl(env, "STATS_URL", "http://localhost:8012/stats");
            gateway = Settings.httpUrl(env, "PUSHGATEWAY_URL", "http://localhost:9091");
            metricsConfig = DemoMetricsConfig.from(env);   // the backend: METRICS_BACKEND, else simpleclient
        } catch (IllegalArgumentException e) {
            LOG.log(ERROR, JOB + " cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            BatchJob.builder(JOB).pushgateway(gateway).config(metricsConfig).build().run(run -> run.recordsProcessed(logCount(stats)));
            LOG.log(INFO, JOB + ": pushed to " + gateway);
        } catch (Exception e) {
            LOG.log(ERROR, JOB + ": failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The {@code logs} count from the access log's {@code /stats}; IOException for anything else. */
    static long logCount(URI stats) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(stats).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + stats + " answered " + response.statusCode() + ", expected 200");
        }
        JsonNode logs = JSON.readTree(response.body()).path("logs");
        if (!logs.canConvertToLong()) {
            throw new IOException("GET " + stats + " returned no numeric \"logs\" field: " + response.body());
        }
        return logs.asLong();
    }
}
