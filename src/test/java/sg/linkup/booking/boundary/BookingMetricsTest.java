package sg.linkup.booking.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import sg.linkup.availability.control.SlotTaken;
import sg.linkup.availability.entity.Resource;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.booking.control.SlotUnavailable;
import sg.linkup.booking.entity.BookingStatus;
import sg.linkup.booking.entity.IllegalTransition;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.NotFound;
import sg.linkup.platform.NotReady;

/** How a booking or hold request's ending is named in /metrics: as the caller was answered. */
class BookingMetricsTest {

    private static final SlotTaken TAKEN = new SlotTaken(Resource.ROOM, 4,
            new TimeRange(Instant.EPOCH, Instant.EPOCH.plusSeconds(1800)));

    @Test
    void aCreatedBookingOrHoldIsItsSuccessAndAReplayIsNot() {
        assertEquals("booked", BookingMetrics.outcome(BookingMetrics.Request.BOOKING, 201));
        assertEquals("held", BookingMetrics.outcome(BookingMetrics.Request.HOLD, 201));
        assertEquals("replayed", BookingMetrics.outcome(BookingMetrics.Request.BOOKING, 200),
                "a retry with the same Idempotency-Key made nothing new");
    }

    @Test
    void aLostRaceIsNamedApartFromOtherRefusals() {
        assertEquals("slot_taken", BookingMetrics.outcome(TAKEN));
        assertEquals("slot_taken", BookingMetrics.outcome(TAKEN.withAlternatives(jakarta.json.JsonValue.EMPTY_JSON_ARRAY)));
        assertEquals("slot_unavailable", BookingMetrics.outcome(new SlotUnavailable("nothing free then")));
    }

    @Test
    void otherBusinessRefusalsAreRefusedAndAnUnavailableServerFailed() {
        assertEquals("refused", BookingMetrics.outcome(new InvalidInput("start", "is required")));
        assertEquals("refused", BookingMetrics.outcome(new NotFound("Booking", 9)));
        assertEquals("refused", BookingMetrics.outcome(new IllegalTransition("cancel", BookingStatus.CANCELLED)));
        assertEquals("failed", BookingMetrics.outcome(new NotReady("roll-ups are being rebuilt", 30)));
    }

    @Test
    void aWrappedRefusalIsNamedByWhatIsInside() {
        var atCommit = new TransactionalException("rolled back", new RollbackException("commit failed"));
        atCommit.getCause().initCause(TAKEN);
        assertEquals("slot_taken", BookingMetrics.outcome(atCommit));
    }

    @Test
    void aConcurrentChangeIsNoFaultButEverythingElseIs() {
        assertEquals("concurrent_change", BookingMetrics.outcome(new OptimisticLockException("version")));
        assertEquals("concurrent_change", BookingMetrics.outcome(new PersistenceException("deadlock",
                new SQLException("Deadlock found", "40001", 1213))));
        assertEquals("failed", BookingMetrics.outcome(new PersistenceException("connection",
                new SQLException("Communications link failure", "08S01"))));
        assertEquals("failed", BookingMetrics.outcome(new IllegalStateException("a bug")));
    }
}
