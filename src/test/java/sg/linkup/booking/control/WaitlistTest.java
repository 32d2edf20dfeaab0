package sg.linkup.booking.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sg.linkup.availability.control.SlotTaken;
import sg.linkup.availability.entity.Resource;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.platform.FakeCounter;
import sg.linkup.platform.LogCapture;

class WaitlistTest {

    @RegisterExtension
    final LogCapture log = new LogCapture(Waitlist.class);

    private final FakeCounter failures = new FakeCounter();
    private final List<Long> askedFor = new ArrayList<>();

    @Test
    void aFailingEntryDoesNotStopTheEntriesBehindIt() {
        var bug = new IllegalStateException("a bug in offering");
        Waitlist waitlist = waitlist(Map.of(1L, true, 3L, true), Map.of(2L, bug));

        int offered = waitlist.offerOpenings(7);

        assertEquals(2, offered);
        assertEquals(List.of(1L, 2L, 3L), askedFor);
    }

    @Test
    void aFailedOfferIsLoggedAtWarningWithTheEntryAndAnIncidentAndCounted() {
        var bug = new IllegalStateException("a bug in offering");
        Waitlist waitlist = waitlist(Map.of(1L, true), Map.of(2L, bug));

        waitlist.offerOpenings(7);

        assertEquals(1, failures.getCount());
        List<LogRecord> warnings = log.records().stream().filter(r -> r.getLevel() == Level.WARNING).toList();
        assertEquals(1, warnings.size(), () -> "warnings: " + warnings.stream().map(LogRecord::getMessage).toList());
        LogRecord warning = warnings.get(0);
        assertTrue(warning.getMessage().matches("No offer for waitlist entry 2, incident [0-9a-f]{8}"),
                warning.getMessage());
        assertSame(bug, warning.getThrown(), "the stack trace goes to the log");
    }

    @Test
    void everyFailureGetsItsOwnIncident() {
        Waitlist waitlist = waitlist(Map.of(), Map.of(1L, new IllegalStateException("one"),
                2L, new IllegalArgumentException("two")));

        waitlist.offerOpenings(7);

        assertEquals(2, failures.getCount());
        List<String> incidents = log.records().stream().filter(r -> r.getLevel() == Level.WARNING)
                .map(r -> r.getMessage().replaceFirst(".*incident ", "")).distinct().toList();
        assertEquals(2, incidents.size(), incidents::toString);
    }

    @Test
    void aSlotLostToAQuickerBookingIsNoFailure() {
        var lost = new SlotTaken(Resource.ADVISOR, 4, new TimeRange(Instant.EPOCH, Instant.EPOCH.plusSeconds(1800)));
        Waitlist waitlist = waitlist(Map.of(3L, true), Map.of(1L, lost, 2L, new SlotUnavailable("gone")));

        int offered = waitlist.offerOpenings(7);

        assertEquals(1, offered);
        assertEquals(0, failures.getCount());
        assertTrue(log.records().stream().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()),
                "a lost race is routine, not a warning");
    }

    @Test
    void anEntryTheCatalogueNoLongerServesIsNoFailure() {
        Waitlist waitlist = waitlist(Map.of(2L, false),
                Map.of(1L, new sg.linkup.platform.InvalidInput("office", "no active office with id 9")));

        waitlist.offerOpenings(7);

        assertEquals(List.of(1L, 2L), askedFor);
        assertEquals(0, failures.getCount(), "a deactivated office is the catalogue's answer, not a fault");
    }

    /** A waitlist whose entries 1, 2, 3 … answer as given: an offer made or not, or an exception. */
    private Waitlist waitlist(Map<Long, Boolean> answers, Map<Long, RuntimeException> failing) {
        List<Long> entries = new ArrayList<>(answers.keySet());
        entries.addAll(failing.keySet());
        entries.sort(null);
        Waitlist waitlist = new Waitlist();
        waitlist.offers = new WaitlistOffers() {
            @Override
            public List<Long> candidates(long serviceId, int most) {
                return entries;
            }

            @Override
            public boolean offerTo(long entryId) {
                askedFor.add(entryId);
                if (failing.containsKey(entryId)) {
                    throw failing.get(entryId);
                }
                return answers.get(entryId);
            }
        };
        waitlist.offerFailures = failures;
        return waitlist;
    }
}
