package dev.lucidmetrics.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScrapeTest {

    private static final String TEXT = String.join("\n",
            "# HELP app_requests_total Requests.",
            "# TYPE app_requests_total counter",
            "app_requests_total{method=\"GET\",route=\"/\",code=\"200\"} 7.0",
            "app_requests_total{method=\"GET\",route=\"/\",code=\"500\"} 1.0",
            "app_requests_total{method=\"POST\",route=\"/a\\\"b\\\\c\",code=\"200\"} 2.0",
            "# TYPE app_duration_seconds histogram",
            "app_duration_seconds_bucket{route=\"/\",le=\"0.1\"} 3.0",
            "app_duration_seconds_bucket{route=\"/\",le=\"+Inf\"} 8.0",
            "app_duration_seconds_count{route=\"/\"} 8.0",
            "app_duration_seconds_sum{route=\"/\"} 0.5",
            "# TYPE app_in_flight_requests gauge",
            "app_in_flight_requests 0.0",
            "");

    @Test
    void countsSeriesPerFamilyLeavingOutBucketBounds() {
        assertEquals(Map.of("app_requests_total", 3, "app_duration_seconds", 1, "app_in_flight_requests", 1),
                Scrape.parse(TEXT).seriesPerFamily());
    }

    @Test
    void addsACounterUpByALabelAndReadsEscapedValues() {
        Scrape s = Scrape.parse(TEXT);
        assertEquals(Map.of("200", 9.0, "500", 1.0), s.sumBy("app_requests_total", "code", Map.of()));
        assertEquals(Map.of("200", 7.0, "500", 1.0), s.sumBy("app_requests_total", "code", Map.of("route", "/")));
        assertEquals(2.0, s.sum("app_requests_total", Map.of("route", "/a\"b\\c")));
        assertEquals(0.0, s.sum("app_requests_total", Map.of("route", "/none")));
    }
}
