package sg.linkup.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of one series of timings, in milliseconds (nearest rank). */
record Latencies(int count, double p50, double p95, double p99, double max, double mean) {

    static Latencies of(double[] millis) {
        if (millis.length == 0) {
            throw new IllegalArgumentException("no timings");
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1], Arrays.stream(sorted).average().orElseThrow());
    }

    private static double rank(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** "p50 p95 p99 max" in fixed-width columns. */
    String columns() {
        return String.format(Locale.ROOT, "%7.2f %7.2f %7.2f %8.2f", p50, p95, p99, max);
    }
}
