package dev.lucidmetrics.bench.twin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot twin of demo-iotd, as a Spring user would write it: nothing but Boot's defaults. */
@SpringBootApplication
public class TwinApplication {
    public static void main(String[] args) {
        SpringApplication.run(TwinApplication.class, args);
    }
}
