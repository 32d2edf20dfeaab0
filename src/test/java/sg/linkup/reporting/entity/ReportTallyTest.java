package sg.linkup.reporting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTallyTest {

    @Test
    void whatIsCountedSurvivesTheRollUpText() {
        ReportTally t = new ReportTally();
        t.count(Measure.BOOKED, 11);
        t.count(Measure.BOOKED, 12);
        t.count(Measure.NO_SHOWS, 12);
        t.leadTime(3);
        t.leadTime(3);
        t.leadTime(10);
        t.failure("30005", 11);
        t.failure("NOT_SENT", 12);
        t.booked(45, 45);
        t.travelSaved(23.75, 0.95);

        ReportTally back = ReportTally.decode(t.encode());

        assertEquals(t.counts(), back.counts());
        assertEquals(ClientCount.of(11, 12), back.clients(Measure.BOOKED));
        assertEquals(ClientCount.of(12), back.clients(Measure.NO_SHOWS));
        assertEquals(3, back.leadTimes());
        assertEquals(3, back.leadPercentile(50));
        assertEquals(10, back.leadPercentile(90));
        assertEquals(1, back.failures().get("30005"));
        assertEquals(ClientCount.of(11), back.failureClients("30005"));
        assertEquals(45, back.advisorMinutes());
        assertEquals(45, back.roomMinutes());
        assertEquals(23.75, back.kmSaved());
        assertEquals(0.95, back.hoursSaved());
        assertEquals(t.encode(), back.encode());
    }

    @Test
    void anEmptyTallyIsEmptyAfterTheText() {
        ReportTally back = ReportTally.decode(new ReportTally().encode());
        assertEquals(0, back.count(Measure.BOOKED));
        assertNull(back.leadPercentile(50), "no lead times, no median");
        assertFalse(back.clients(Measure.BOOKED).cappedCount() > 0);
    }

    @Test
    void garbageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReportTally.decode("x:1"));
        assertThrows(IllegalArgumentException.class, () -> ReportTally.decode("nonsense"));
    }

    @Test
    void theLeadPercentileIsTheNearestRank() {
        ReportTally t = new ReportTally();
        for (int days : List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)) {
            t.leadTime(days);
        }
        assertEquals(5, t.leadPercentile(50), "rank ceil(0.5 × 10) = 5");
        assertEquals(9, t.leadPercentile(90), "rank 9");
        assertEquals(10, t.leadPercentile(100));
        t.leadTime(-2);
        assertEquals(0, t.leadPercentile(1), "a session booked after it started counts as 0 days");
    }

    /** Merging tallies is what a year's report does with its months: the same as counting everything once. */
    @Property(tries = 200)
    void mergingIsCountingOnce(@ForAll @Size(max = 40) List<@IntRange(min = 1, max = 12) Integer> clients,
                               @ForAll @IntRange(min = 1, max = 5) int parts) {
        ReportTally all = new ReportTally();
        ReportTally[] split = new ReportTally[parts];
        for (int i = 0; i < parts; i++) {
            split[i] = new ReportTally();
        }
        for (int i = 0; i < clients.size(); i++) {
            all.count(Measure.ATTENDED, clients.get(i));
            all.leadTime(clients.get(i));
            split[i % parts].count(Measure.ATTENDED, clients.get(i));
            split[i % parts].leadTime(clients.get(i));
        }
        ReportTally merged = new ReportTally();
        for (ReportTally part : split) {
            merged.add(ReportTally.decode(part.encode()));
        }
        assertEquals(all.count(Measure.ATTENDED), merged.count(Measure.ATTENDED));
        assertEquals(all.clients(Measure.ATTENDED), merged.clients(Measure.ATTENDED));
        assertEquals(all.leadPercentile(50), merged.leadPercentile(50));
        assertEquals(all.leadPercentile(90), merged.leadPercentile(90));
        assertTrue(merged.clients(Measure.ATTENDED).cappedCount() <= ClientCount.THRESHOLD);
    }
}
