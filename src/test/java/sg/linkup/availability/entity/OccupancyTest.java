package sg.linkup.availability.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OccupancyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final TimeRange SESSION = TimeRange.of(NOW.plus(Duration.ofDays(1)), Duration.ofMinutes(45));

    @Test
    void aBookingOccupiesForGood() {
        Occupancy booked = new Occupancy(Resource.ADVISOR, 7L, SESSION, 42L, null);

        assertTrue(booked.isLiveAt(NOW));
        assertTrue(booked.isLiveAt(NOW.plus(Duration.ofDays(400))));
    }

    @Test
    void aHoldOccupiesOnlyUntilItExpires() {
        Instant expiry = NOW.plus(Duration.ofMinutes(10));
        Occupancy hold = new Occupancy(Resource.ROOM, 3L, SESSION, 42L, expiry);

        assertTrue(hold.isLiveAt(NOW));
        assertTrue(hold.isLiveAt(expiry.minusMillis(1)));
        assertFalse(hold.isLiveAt(expiry), "a hold is released at its expiry");
        assertFalse(hold.isLiveAt(expiry.plusSeconds(1)));
    }

    @Test
    void anOccupancyKeepsWhatItTook() {
        Occupancy occupancy = new Occupancy(Resource.CLIENT, 9L, SESSION, 42L, null);

        assertEquals(Resource.CLIENT, occupancy.resource());
        assertEquals(9L, occupancy.resourceId());
        assertEquals(SESSION, occupancy.range());
        assertEquals(42L, occupancy.bookingId());
    }
}
