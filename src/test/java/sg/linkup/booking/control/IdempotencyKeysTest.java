package sg.linkup.booking.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import sg.linkup.audit.entity.AuditEvent.Actor;
import sg.linkup.availability.control.SlotTaken;
import sg.linkup.availability.entity.Resource;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.booking.control.IdempotencyKeys.Purpose;
import sg.linkup.booking.entity.Booking;
import sg.linkup.directory.entity.SessionMode;

class IdempotencyKeysTest {

    private static final Actor COUNTER = new Actor("counter.amk", "COUNTER_STAFF", "offices=1");
    private static final Actor OTHER_COUNTER = new Actor("counter.east", "COUNTER_STAFF", "offices=2");
    private static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");
    private static final TimeRange SESSION = new TimeRange(Instant.parse("2026-12-01T02:00:00Z"),
            Instant.parse("2026-12-01T03:00:00Z"));

    /** The booking table's idempotency_key column, with its unique index. */
    private final Map<String, Booking> byKey = new HashMap<>();
    private final List<String> keysCreatedWith = new ArrayList<>();
    private final IdempotencyKeys keys = new IdempotencyKeys();

    IdempotencyKeysTest() {
        keys.bookings = new Bookings() {
            @Override
            public Optional<Booking> byIdempotencyKey(String key) {
                return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
            }
        };
    }

    // --- the key ---

    @Test
    void aKeyIsTheCallersOwn() {
        assertEquals("counter.amk:2b1c", IdempotencyKeys.scoped(Purpose.BOOKING, "2b1c", COUNTER.name()));
        assertNotEquals(IdempotencyKeys.scoped(Purpose.BOOKING, "2b1c", COUNTER.name()),
                IdempotencyKeys.scoped(Purpose.BOOKING, "2b1c", OTHER_COUNTER.name()));
    }

    @Test
    void aHoldsKeyIsKeptApartFromABookingsKey() {
        assertEquals("counter.amk:hold:2b1c", IdempotencyKeys.scoped(Purpose.HOLD, "2b1c", COUNTER.name()));
        assertNotEquals(IdempotencyKeys.scoped(Purpose.HOLD, "2b1c", COUNTER.name()),
                IdempotencyKeys.scoped(Purpose.BOOKING, "2b1c", COUNTER.name()));
    }

    @Test
    void aMissingOrBlankKeyIsNoKey() {
        assertNull(IdempotencyKeys.scoped(Purpose.BOOKING, null, COUNTER.name()));
        assertNull(IdempotencyKeys.scoped(Purpose.HOLD, "   ", COUNTER.name()));
    }

    @Test
    void surroundingBlanksAreNotPartOfTheKey() {
        assertEquals("counter.amk:hold:2b1c", IdempotencyKeys.scoped(Purpose.HOLD, " 2b1c ", COUNTER.name()));
    }

    @Test
    void aKeyOfUpTo100CharactersIsTakenAndALongerOneRefused() {
        String longest = "k".repeat(100);
        assertEquals("counter.amk:" + longest, IdempotencyKeys.scoped(Purpose.BOOKING, longest, COUNTER.name()));

        for (Purpose purpose : Purpose.values()) {
            var refused = assertRefused("Idempotency-Key",
                    () -> keys.once(purpose, "k".repeat(101), COUNTER, this::create));
            assertEquals("at most 100 characters", refused.violations().get(0).message());
        }
        assertTrue(keysCreatedWith.isEmpty(), "nothing is created with a refused key");
    }

    // --- once per key ---

    @Test
    void theFirstRequestCreatesWithTheScopedKey() {
        var outcome = keys.once(Purpose.HOLD, "2b1c", COUNTER, this::create);

        assertTrue(outcome.created());
        assertEquals(List.of("counter.amk:hold:2b1c"), keysCreatedWith);
        assertSame(byKey.get("counter.amk:hold:2b1c"), outcome.booking());
    }

    @Test
    void aRetryAnswersWithWhatTheFirstRequestMadeAndCreatesNothing() {
        var first = keys.once(Purpose.BOOKING, "2b1c", COUNTER, this::create);

        var retry = keys.once(Purpose.BOOKING, "2b1c", COUNTER, this::create);

        assertFalse(retry.created());
        assertSame(first.booking(), retry.booking());
        assertEquals(1, keysCreatedWith.size());
    }

    @Test
    void theSameKeyFromAnotherCallerOrForAHoldIsANewRequest() {
        keys.once(Purpose.BOOKING, "2b1c", COUNTER, this::create);

        assertTrue(keys.once(Purpose.BOOKING, "2b1c", OTHER_COUNTER, this::create).created());
        assertTrue(keys.once(Purpose.HOLD, "2b1c", COUNTER, this::create).created());
        assertEquals(3, keysCreatedWith.size());
    }

    @Test
    void withoutAKeyEveryRequestCreates() {
        keys.once(Purpose.BOOKING, null, COUNTER, this::create);
        keys.once(Purpose.BOOKING, null, COUNTER, this::create);

        assertEquals(2, keysCreatedWith.size());
        assertNull(keysCreatedWith.get(0), "nothing to store with the booking");
    }

    @Test
    void aRetryLosingTheSlotToItsOwnFirstAttemptAnswersWithTheFirstAttempts() {
        Booking winner = booking();
        Function<String, Booking> racing = key -> {
            byKey.put(key, winner);  // the first attempt commits while this one searches and locks
            throw new SlotTaken(Resource.ADVISOR, 11, SESSION);
        };

        var outcome = keys.once(Purpose.HOLD, "2b1c", COUNTER, racing);

        assertFalse(outcome.created());
        assertSame(winner, outcome.booking());
    }

    @Test
    void aRetryLosingOnTheKeysUniqueIndexAnswersWithTheFirstAttempts() {
        Booking winner = booking();
        Function<String, Booking> racing = key -> {
            byKey.put(key, winner);
            throw new PersistenceException("Duplicate entry for key 'uk_booking_idempotency'");
        };

        var outcome = keys.once(Purpose.BOOKING, "2b1c", COUNTER, racing);

        assertFalse(outcome.created());
        assertSame(winner, outcome.booking());
    }

    @Test
    void aFailureWithNoFirstAttemptBehindItIsTheCallersAnswer() {
        var taken = new SlotTaken(Resource.ROOM, 21, SESSION);

        var thrown = assertThrows(SlotTaken.class, () -> keys.once(Purpose.HOLD, "2b1c", COUNTER, key -> {
            throw taken;
        }));

        assertSame(taken, thrown);
        assertTrue(byKey.isEmpty());
    }

    // --- in two halves, around the caller's own transaction (the booking endpoints) ---

    @Test
    void theFirstHalfLeavesAFailureToTheCallerToHandleAfterItsRollback() {
        Booking winner = booking();
        var taken = new SlotTaken(Resource.ADVISOR, 11, SESSION);

        var thrown = assertThrows(SlotTaken.class, () -> keys.firstOrReplay(Purpose.BOOKING, "2b1c", COUNTER, key -> {
            byKey.put(key, winner);
            throw taken;
        }));

        assertSame(taken, thrown);
        var won = keys.wonMeanwhile(Purpose.BOOKING, "2b1c", COUNTER).orElseThrow();
        assertSame(winner, won.booking());
        assertFalse(won.created());
    }

    @Test
    void nothingWonMeanwhileWithoutAKeyOrWithAnotherCallersKey() {
        keys.firstOrReplay(Purpose.BOOKING, "2b1c", COUNTER, this::create);

        assertTrue(keys.wonMeanwhile(Purpose.BOOKING, null, COUNTER).isEmpty());
        assertTrue(keys.wonMeanwhile(Purpose.BOOKING, "2b1c", OTHER_COUNTER).isEmpty());
        assertTrue(keys.wonMeanwhile(Purpose.HOLD, "2b1c", COUNTER).isEmpty());
        assertTrue(keys.wonMeanwhile(Purpose.BOOKING, "2b1c", COUNTER).isPresent());
    }

    private Booking create(String key) {
        keysCreatedWith.add(key);
        Booking booking = booking();
        if (key != null) {
            byKey.put(key, booking);
        }
        return booking;
    }

    private static Booking booking() {
        return Booking.hold(new Booking.Placement(7, 3, SessionMode.IN_PERSON, 11, 21L, SESSION), 42,
                NOW.plusSeconds(600), "counter.amk", NOW, null);
    }
}
