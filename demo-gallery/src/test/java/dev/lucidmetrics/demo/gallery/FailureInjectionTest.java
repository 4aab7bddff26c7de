package dev.lucidmetrics.demo.gallery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class FailureInjectionTest {

    @Test
    void everyRunOfRequestsFailsCloseToTheConfiguredRate() {
        DoubleSupplier draws = GalleryApp.evenlySpread();
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = draws.getAsDouble();
            assertTrue(values[i] >= 0 && values[i] < 1, "draw " + i + " = " + values[i] + " is outside [0, 1)");
        }
        for (double rate : new double[] {0.1, 0.25, 0.5}) {
            for (int window : new int[] {20, 200, 2000}) {
                for (int start = 0; start + window <= values.length; start += 97) {
                    int failures = 0;
                    for (int i = start; i < start + window; i++) {
                        failures += values[i] < rate ? 1 : 0;
                    }
                    double expected = window * rate;
                    assertTrue(Math.abs(failures - expected) <= 3, failures + " failures in the " + window
                            + " requests from " + start + " at rate " + rate + "; expected about " + expected);
                }
            }
        }
    }
}
