package dev.lucidmetrics.examples.jetty;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;

/**
 * Runs the order service on Jetty: {@code PORT=8030 METRICS_PORT=9430 java -jar examples/jetty/target/jetty.jar}.
 * An invalid setting stops it at start with a message naming the variable.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        ShopServer shop;
        try {
            EnvConfig env = EnvConfig.fromSystem();
            MetricsConfig config = MetricsConfig.from(env);
            shop = ShopServer.start(env.port("PORT", 8030), config);
        } catch (IllegalArgumentException e) {
            System.err.println("jetty example: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                shop.close();
            } catch (Exception e) {
                System.err.println("jetty example: stopping failed: " + e);
            }
        }, "jetty-example-shutdown"));
        System.out.println("jetty example listening on http://localhost:" + shop.port() + "/orders");
        System.out.println("  metrics " + shop.metrics().url());
    }
}
