package sg.linkup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The load run reads metrics it does not know by name; what it prints must still be right for each kind. */
class OpenMetricsTest {

    private static final String BEFORE = """
            # TYPE linkup_bookings_total counter
            # HELP linkup_bookings_total Bookings by outcome
            linkup_bookings_total{mp_scope="application",outcome="booked"} 10.0
            linkup_bookings_total{mp_scope="application",outcome="slot taken"} 2.0
            # TYPE linkup_outbox_depth gauge
            linkup_outbox_depth{mp_scope="application"} 40.0
            # TYPE linkup_slot_search_seconds summary
            linkup_slot_search_seconds{mp_scope="application",quantile="0.95"} 0.020
            linkup_slot_search_seconds_count{mp_scope="application"} 100.0
            linkup_slot_search_seconds_sum{mp_scope="application"} 1.5
            # TYPE linkup_waitlist_offer_failures_total counter
            linkup_waitlist_offer_failures_total{mp_scope="application"} 0.0
            """;

    private static final String AFTER = """
            # TYPE linkup_bookings_total counter
            linkup_bookings_total{mp_scope="application",outcome="booked"} 25.0
            linkup_bookings_total{mp_scope="application",outcome="slot taken"} 2.0
            linkup_bookings_total{mp_scope="application",outcome="client busy"} 3.0
            # TYPE linkup_outbox_depth gauge
            linkup_outbox_depth{mp_scope="application"} 12.0
            # TYPE linkup_slot_search_seconds summary
            linkup_slot_search_seconds{mp_scope="application",quantile="0.95"} 0.031
            linkup_slot_search_seconds_count{mp_scope="application"} 160.0
            linkup_slot_search_seconds_sum{mp_scope="application"} 2.7 1796565253820
            # TYPE linkup_waitlist_offer_failures_total counter
            linkup_waitlist_offer_failures_total{mp_scope="application"} 0.0
            """;

    private final List<String> changes = OpenMetrics.parse(AFTER).changesSince(OpenMetrics.parse(BEFORE));

    @Test
    void countersAndHistogramCountsArePrintedAsWhatTheRunAdded() {
        assertTrue(has("counter   linkup_bookings_total{mp_scope=\"application\",outcome=\"booked\"}  +15"), changes::toString);
        assertTrue(has("summary   linkup_slot_search_seconds_count{mp_scope=\"application\"}  +60"), changes::toString);
        assertTrue(has("summary   linkup_slot_search_seconds_sum{mp_scope=\"application\"}  +1.200"), changes::toString);
    }

    @Test
    void aSampleFirstSeenAtTheEndCountsFromZero() {
        assertTrue(has("counter   linkup_bookings_total{mp_scope=\"application\",outcome=\"client busy\"}  +3"),
                changes::toString);
    }

    @Test
    void gaugesAndQuantilesArePrintedAsBeforeAndAfter() {
        assertTrue(has("gauge     linkup_outbox_depth{mp_scope=\"application\"}  40 → 12"), changes::toString);
        assertTrue(has("summary   linkup_slot_search_seconds{mp_scope=\"application\",quantile=\"0.95\"}  0.02000 → 0.03100"),
                changes::toString);
    }

    @Test
    void unchangedSamplesAreOnlyCounted() {
        assertTrue(changes.stream().noneMatch(line -> line.contains("outcome=\"slot taken\"")
                || line.contains("waitlist_offer_failures")), changes::toString);
        assertEquals("  (8 samples, 2 unchanged, 4 families declared)", changes.get(changes.size() - 1));
    }

    private boolean has(String line) {
        return changes.contains("  " + line);
    }
}
