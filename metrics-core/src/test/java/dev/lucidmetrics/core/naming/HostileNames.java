package dev.lucidmetrics.core.naming;

import java.util.List;

/**
 * Names written to trip the rules where they are subtle: unit abbreviations that are ordinary words (a region, a
 * product, a plan), unit words away from the unit position, several broken rules at once, type words next to
 * units, suffixes next to units, names whose only fix leaves nothing, and camelCase hiding units. Each is a full
 * name in the app of {@code namespace}, of the text format's {@code type}.
 */
final class HostileNames {

    record Name(String namespace, String type, String name) {
    }

    static final List<Name> METRICS = List.of(
            n("counter", "shop_requests_us_east_total"), n("counter", "shop_ms_teams_messages_total"),
            n("counter", "shop_plan_b_orders_total"), n("counter", "shop_b_orders_total"),
            n("histogram", "shop_request_duration_ms"), n("gauge", "shop_latency_millis"),
            n("gauge", "shop_cache_age_micros"), n("summary", "shop_gc_pause_nanos"),
            n("gauge", "shop_disk_used_percent"), n("gauge", "shop_payload_kb"), n("gauge", "shop_heap_megabytes"),
            n("gauge", "shop_heap_mebibytes"), n("gauge", "shop_heap_mibibytes"), n("gauge", "shop_entropy_bits"),
            n("gauge", "shop_transfer_seconds_per_kilobits"), n("gauge", "shop_transfer_kilobits_per_second"),
            n("counter", "shop_minutes_played_total"), n("counter", "shop_play_minutes_total"),
            n("gauge", "shop_temperature_fahrenheit"), n("gauge", "shop_distance_m"), n("gauge", "shop_uptime_h"),
            n("gauge", "shop_retention_d"), n("counter", "shop_d_total"), n("gauge", "shop_us"),
            n("gauge", "shop_queue_gauge"), n("counter", "shop_orders_counter_total"),
            n("counter", "shop_gauge_histogram_total"), n("gauge", "shop_histogram_of_sizes"),
            n("gauge", "shop_ms_gauge"), n("gauge", "shop_orders_count"), n("gauge", "shop_price_sum"),
            n("summary", "shop_latency_bucket"), n("gauge", "shop_orders_ms_count"), n("gauge", "shop_count"),
            n("gauge", "shop_orders_total"), n("histogram", "shop_latency_seconds_total"), n("gauge", "shop_total"),
            n("counter", "shop_orders"), n("counter", "shop_orders_ms"), n("counter", "shop_deploy_info"),
            n("gauge", "shop_region_us_info"), n("gauge", "shop_deploy_ms_info"), n("counter", "shop_ordersPlaced"),
            n("gauge", "shop_ordersPlaced_ms"), n("counter", "shop_orders:rate5m_total"),
            n("gauge", "shop_Latency_seconds"), n("gauge", "shop_Gauge"), n("gauge", "shop_memory_SecPageTables"),
            n("gauge", "shop_memory_DirectMap2M_bytes"), n("gauge", "shop_queue_sum_gauge"),
            n("counter", "shop_us_ms_total"), n("gauge", "shop_a_b_c_d"), n("gauge", "shop_sec_s_ms"),
            n("counter", "shop_kb_mb_gb_total"));

    /** Ordinary words promtool accepts, which the library must accept too (one app per namespace). */
    static final List<Name> ACCEPTED = List.of(new Name("shop", "gauge", "shop_db_pool_min_connections"),
            new Name("shop", "gauge", "shop_db_pool_max_connections"),
            new Name("prometheus", "gauge", "prometheus_tsdb_head_min_time"),
            new Name("promhttp", "counter", "promhttp_metric_handler_requests_total"),
            new Name("shop", "counter", "shop_sessions_created_total"), n("gauge", "shop_orders_created"),
            n("gauge", "shop_count_of_queues"), n("summary", "shop_orders_count"), n("histogram", "shop_order_sum"),
            new Name("ms_teams", "counter", "ms_teams_messages_total"), new Name("us_east", "gauge", "us_east_queue"),
            n("gauge", "shop_idle_mins"), n("gauge", "shop_kib_free"), n("gauge", "shop_metric_untyped_info"));

    /** Namespaces: ordinary words that read as units or types, and case. */
    static final List<String> NAMESPACES = List.of("plan_b", "shop_ms", "x_us_east", "svc_gauge", "miles_club",
            "shop_m", "days", "a_b_c", "ImageGallery", "plan_B", "shop_gb_store", "counter_svc_histogram");

    /** Label names that break a rule, each with a suggestion or a reason why none is given. */
    static final List<String> LABELS = List.of("paymentMethod", "HTTPStatus", "Le", "_region", "regionName");

    private HostileNames() {
    }

    private static Name n(String type, String name) {
        return new Name("shop", type, name);
    }
}
